/** `@wxvoip/plugin/testing`: one call gives each test a platform, a fresh phone simulator and a fake wx, reset between tests. */
import { CALL_PAGE_PATH } from '@wxvoip/contracts';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { useWmpfVoipTesting } from './index.js';

const t = useWmpfVoipTesting({ beforeAll, beforeEach, afterEach, afterAll });
let first: unknown;
let firstPartyId = '';

describe('useWmpfVoipTesting', () => {
  it('gives a connected phone simulator of openid-alice, a fake wx and the platform', async () => {
    expect(t.wmpfVoip.simulator).toMatchObject({ host: 'wechat', pluginVersion: '2.4.6', connected: true });
    expect(typeof t.wx.requestDeviceVoIP).toBe('function');
    first = t.wmpfVoip;
    firstPartyId = t.wmpfVoip.simulator.partyId;
    await t.wmpfVoip.callDevice({ roomType: 'video', sn: 'SN-LINUX-0001', modelId: 'model-linux-doorbell' });
    expect(t.platform.tenant().rooms.activeCount).toBe(1);
  });

  it('resets between tests: a new simulator, no rooms left, the clock still manual', async () => {
    expect(t.wmpfVoip).not.toBe(first);
    // The namespace went back to its seed, ids included: the new party gets the same deterministic id.
    expect(t.wmpfVoip.simulator.partyId).toBe(firstPartyId);
    expect(t.platform.tenant().rooms.activeCount).toBe(0);
    await expect(t.wmpfVoip.callDevice({ roomType: 'video', sn: 'SN-LINUX-0001', modelId: 'model-linux-doorbell' })).resolves.toEqual({ roomId: expect.any(String) });
    t.wx.redirectTo({ url: CALL_PAGE_PATH });
    await t.bed.advance(60_000);
    expect(t.wmpfVoip.simulator.events.map((e) => e.eventName)).toEqual(['callPageOnShow', 'joinedRoomByCaller', 'timeout', 'endVoip', 'finishVoip']);
  });

  it('keeps the simulator connected across long advances (pings are answered between steps)', async () => {
    await t.bed.advance(120_000);
    expect(t.wmpfVoip.simulator.connected).toBe(true);
  });
});
