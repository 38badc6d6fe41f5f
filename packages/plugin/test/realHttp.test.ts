/**
 * The simulator over real HTTP and WebSocket: a listening platform on 127.0.0.1 with a manual clock, `fetch` for the
 * transport and `ws`'s WebSocket for the push channel (Node 20 has no global WebSocket).
 */
import { CALL_PAGE_PATH } from '@wxvoip/contracts';
import { startMockPlatform, type MockPlatform } from '@wxvoip/mock-platform';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { createWmpfVoipTestbed, type WmpfVoipTestbed } from '../src/testing/index.js';
import { listen } from './helpers/events.js';
import { connectLinuxDevice } from './helpers/linuxDevice.js';

let platform: MockPlatform;
let bed: WmpfVoipTestbed;

beforeAll(async () => {
  platform = await startMockPlatform({ port: 0, clock: 'manual' });
  bed = await createWmpfVoipTestbed({ platform, WebSocket });
});
afterEach(async () => bed.reset());
afterAll(async () => {
  await bed.close();
  await platform.close();
});

describe('over real HTTP and WebSocket', () => {
  it('phone calls a Linux doorbell: join, answer, talk 2 s, the phone hangs up', async () => {
    expect(platform.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const phone = await bed.phone();
    const events = listen(phone);
    const doorbell = await connectLinuxDevice(platform.url);
    const { roomId } = await phone.callDevice({ roomType: 'video', sn: 'SN-LINUX-0001', modelId: 'model-linux-doorbell' });
    await phone.simulator.callPage.navigate(CALL_PAGE_PATH, 'redirectTo');
    await bed.settle();
    expect((await doorbell.join(roomId)).errcode).toBe(0);
    await bed.advance(2_000);
    await phone.simulator.callPage.hangUp();
    await bed.settle();
    expect(events.seen()).toEqual([
      ['callPageOnShow'],
      ['joinedRoomByCaller'],
      ['startVoip'],
      ['calling', { keepTime: 1 }],
      ['calling', { keepTime: 2 }],
      ['hangUpVoip', { keepTime: 2, status: 'endByCaller', origin: 'manual' }],
      ['endVoip', { keepTime: 2, callerName: 'Alice', listenerName: 'Front door', roomType: 'video', isCaller: true, businessType: 2 }],
      ['finishVoip', { keepTime: 2 }],
    ]);
  });

  it('phone calls the WMPF panel, which launches the push with isClickedHangOnBtn=1; the 2 s timeLimit ends the call', async () => {
    const phone = await bed.phone();
    const panel = await bed.device();
    panel.simulator.wmpf!.onPush((push) => void panel.simulator.wmpf!.launch(`${push.message.path}&isClickedHangOnBtn=1`));
    const caller = listen(phone);
    const listener = listen(panel);
    const { pushToken } = await panel.simulator.wmpf!.getPushToken();
    await phone.callWMPF({ roomType: 'voice', sn: 'SN-WMPF-0001', modelId: 'model-wmpf-panel', pushToken, nickName: 'Alice', timeLimit: 2 });
    await bed.settle();
    expect(listener.seen()).toEqual([['callPageOnShow'], ['hangOnVoip']]);
    await phone.simulator.callPage.navigate(CALL_PAGE_PATH, 'redirectTo');
    await bed.advance(3_000);
    expect(caller.seen().map(([name]) => name)).toEqual(['callPageOnShow', 'joinedRoomByCaller', 'startVoip', 'calling', 'hangUpVoip', 'endVoip', 'finishVoip']);
    expect(listener.seen().at(-3)).toEqual(['hangUpVoip', { keepTime: 2, status: 'endByCaller', origin: 'timeLimit' }]);
  });

  it('a ringing call times out after 60 s of manual clock', async () => {
    const phone = await bed.phone();
    const events = listen(phone);
    await phone.callDevice({ roomType: 'voice', sn: 'SN-LINUX-0001', modelId: 'model-linux-doorbell' });
    await phone.simulator.callPage.navigate(CALL_PAGE_PATH, 'redirectTo');
    await bed.advance(60_000);
    expect(events.seen().map(([name]) => name)).toEqual(['callPageOnShow', 'joinedRoomByCaller', 'timeout', 'endVoip', 'finishVoip']);
  });
});
