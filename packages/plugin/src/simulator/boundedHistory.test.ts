import { CALL_PAGE_PATH } from '@wxvoip/contracts';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { connectLinuxDevice } from '../../test/helpers/linuxDevice.js';
import { installMiniProgramGlobals, useWmpfVoipTesting } from '../testing/index.js';
import { createWxNavigation } from '../wx/createWxNavigation.js';
import { DEFAULT_HISTORY_LIMIT, forgetOldest, pushBounded } from './boundedHistory.js';

const t = useWmpfVoipTesting({ beforeAll, beforeEach, afterEach, afterAll });

describe('bounded histories', () => {
  it('pushBounded keeps the newest `limit` entries; forgetOldest drops the oldest keys', () => {
    const list: number[] = [];
    for (let i = 0; i < 10; i++) pushBounded(list, i, 3);
    expect(list).toEqual([7, 8, 9]);
    const keys = new Set(['a', 'b', 'c', 'd']);
    forgetOldest(keys, 2);
    expect([...keys]).toEqual(['c', 'd']);
  });

  it('a simulator that places call after call holds at most historyLimit events, navigations and end pages (counted)', async () => {
    const limit = 8;
    const phone = await t.bed.phone({ historyLimit: limit });
    const doorbell = await connectLinuxDevice(t.platform.url);
    const calls = 5; // 6 events each (callPageOnShow, joinedRoomByCaller, startVoip, hangUpVoip, endVoip, finishVoip)
    const roomIds: string[] = [];
    for (let i = 0; i < calls; i++) {
      const { roomId } = await phone.callDevice({ roomType: 'voice', sn: 'SN-LINUX-0001', modelId: 'model-linux-doorbell' });
      roomIds.push(roomId);
      await phone.simulator.callPage.navigate(CALL_PAGE_PATH, 'redirectTo');
      expect((await doorbell.join(roomId)).errcode).toBe(0);
      await t.bed.settle();
      await phone.simulator.callPage.hangUp();
      await t.bed.settle();
      phone.simulator.callPage.closeSummary();
    }
    expect(phone.simulator.events).toHaveLength(limit);
    // The newest are kept: the last call's six events, in order, at the end.
    expect(phone.simulator.events.slice(-6).map((e) => e.eventName)).toEqual(['callPageOnShow', 'joinedRoomByCaller', 'startVoip', 'hangUpVoip', 'endVoip', 'finishVoip']);
    expect(phone.simulator.events.at(-1)).toMatchObject({ roomId: roomIds.at(-1) });
    expect(phone.simulator.callPage.navigations.length).toBeLessThanOrEqual(limit);
    expect(phone.simulator.callPage.endPageOutcomes.length).toBeLessThanOrEqual(limit);
  });

  it('a run far longer than the limit: every history, incoming call and remembered room stays at the limit, and the test globals keep following the end page', async () => {
    const limit = 3;
    const phone = await t.bed.phone({ historyLimit: limit });
    const navigation = createWxNavigation(phone);
    const globals = installMiniProgramGlobals(() => phone, { homePage: 'pages/devices/devices' });
    try {
      const doorbell = await connectLinuxDevice(t.platform.url);
      const state = phone.simulator.internals.state;
      for (let i = 0; i < 4 * limit; i++) {
        phone.setVoipEndPagePath({ url: `/pages/call${i}/call`, key: 'Call', routeType: 'reLaunch' });
        const { roomId } = await phone.callDevice({ roomType: 'voice', sn: 'SN-LINUX-0001', modelId: 'model-linux-doorbell' });
        navigation.redirectTo({ url: CALL_PAGE_PATH });
        await t.bed.settle();
        expect((await doorbell.join(roomId)).errcode).toBe(0);
        await t.bed.settle();
        await phone.simulator.callPage.hangUp();
        await t.bed.settle();
        phone.simulator.callPage.closeSummary();
        // The end-page history is full after `limit` calls; the globals must still see each new outcome.
        expect(globals.pages()).toEqual([{ route: `pages/call${i}/call`, options: {} }]);
      }
      expect(phone.simulator.events).toHaveLength(limit);
      expect(phone.simulator.callPage.navigations).toHaveLength(limit);
      expect(phone.simulator.callPage.endPageOutcomes).toHaveLength(limit);
      expect(navigation.history).toHaveLength(limit);
      expect(state.knownRooms.size).toBe(limit);
      expect(state.incoming.size).toBeLessThanOrEqual(limit);
    } finally {
      globals.uninstall();
    }
  });

  it('defaults to 1000 entries and refuses a limit that is not a positive integer', async () => {
    expect(DEFAULT_HISTORY_LIMIT).toBe(1_000);
    await expect(t.bed.phone({ historyLimit: 0 })).rejects.toThrow(/historyLimit must be a positive integer/);
  });
});
