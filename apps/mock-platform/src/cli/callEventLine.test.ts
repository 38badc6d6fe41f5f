import { demoSeed, RoomDetail } from '@wxvoip/contracts';
import { describe, expect, it } from 'vitest';
import { createControlHandlers } from '../facade/controlApi.js';
import { PlatformCore } from '../core/platformCore.js';
import { callEvent } from './callEventLine.js';

describe('callEvent', () => {
  it('is one line per room state change: both ends at creation, the outcome and talk time at the end', () => {
    const core = new PlatformCore({ seed: demoSeed });
    const tenant = core.tenant('lines');
    const lines: string[] = [];
    tenant.rooms.observeStates((room, entry) => lines.push(callEvent('lines', room, entry).line));
    const control = createControlHandlers(core);
    const headers = { 'x-wxvoip-namespace': 'lines' };
    const placed = control.placePhoneCall({ headers, params: { appId: 'wx_demo_app', openId: 'openid-alice' }, body: { sn: 'SN-LINUX-0001', roomType: 'voice' } });
    const { roomId } = RoomDetail.parse(placed.body);
    control.simulateAnswer({ headers, params: { roomId }, body: {} });
    tenant.state.clock.advance(3_000);
    control.simulateHangUp({ headers, params: { roomId }, body: { side: 'caller', origin: 'manual' } });
    expect(lines).toEqual([
      `call ${roomId} [lines] created: openid-alice (phone) → SN-LINUX-0001 (Linux device), voice`,
      `call ${roomId} [lines] ringing`,
      `call ${roomId} [lines] connecting`,
      `call ${roomId} [lines] talking`,
      `call ${roomId} [lines] ended: hungUpByCaller (3 s of talk) - the caller hung up (manual)`,
    ]);
    const fields = callEvent('default', tenant.rooms.get(roomId)!, { kind: 'state', at: 0, from: 'talking', to: 'ended', outcome: 'hungUpByCaller', cause: 'simulate', detail: '' }).fields;
    expect(fields).toMatchObject({ namespace: 'default', roomId, caller: 'openid-alice', listener: 'SN-LINUX-0001', transport: 'linux', outcome: 'hungUpByCaller' });
  });
});
