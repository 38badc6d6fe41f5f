/** bed.waitForEvent: resolves with the next event of that name (settled), and times out naming what did arrive. */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { useWmpfVoipTesting, WaitForEventTimeoutError } from './index.js';

const t = useWmpfVoipTesting({ beforeAll, beforeEach, afterEach, afterAll, expect });
const doorbell = { roomType: 'video', sn: 'SN-LINUX-0001', modelId: 'model-linux-doorbell' } as const;

describe('bed.waitForEvent', () => {
  it('resolves with the event once it arrived, even if it arrived before the wait began', async () => {
    const { roomId } = await t.wmpfVoip.callDevice(doorbell);
    t.wx.redirectTo({ url: t.wmpfVoip.CALL_PAGE_PATH ?? '' }); // synchronous, as in page code
    const joined = await t.bed.waitForEvent('joinedRoomByCaller');
    expect(joined).toEqual({ eventName: 'joinedRoomByCaller', roomId, groupId: roomId });
    expect(await t.bed.waitForEvent('callPageOnShow', { timeoutMs: 20 }).catch((e: unknown) => e)).toBeInstanceOf(WaitForEventTimeoutError); // already passed
  });

  it('waits for the next one after the event the previous wait returned', async () => {
    await t.bed.linuxDevice().answerNextCall();
    await t.wmpfVoip.callDevice(doorbell);
    t.wx.redirectTo({ url: t.wmpfVoip.CALL_PAGE_PATH ?? '' });
    await t.bed.waitForEvent('startVoip');
    await t.bed.advance(2_000);
    expect(await t.bed.waitForEvent('calling')).toMatchObject({ data: { keepTime: 1 } });
    expect(await t.bed.waitForEvent('calling')).toMatchObject({ data: { keepTime: 2 } });
  });

  it('times out with a message naming the events that did arrive', async () => {
    await t.wmpfVoip.callDevice(doorbell);
    t.wx.redirectTo({ url: t.wmpfVoip.CALL_PAGE_PATH ?? '' });
    const error = await t.bed.waitForEvent('startVoip', { timeoutMs: 50 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WaitForEventTimeoutError);
    expect((error as Error).message).toBe(
      [
        "[wxvoip] waitForEvent('startVoip') timed out after 50 ms on the phone of openid-alice.",
        'What did arrive since the last wait: callPageOnShow, joinedRoomByCaller.',
        'Timers (the 60 s ring, the 20 s listener wait, calling, timeLimit) run on the platform clock: move it with bed.advance(ms).',
      ].join('\n'),
    );
    expect((error as WaitForEventTimeoutError).arrived.map((e) => e.eventName)).toEqual(['callPageOnShow', 'joinedRoomByCaller']);
  });

  it('says when nothing arrived, and waits on another simulator when told', async () => {
    const bob = await t.bed.phone({ openId: 'openid-bob' });
    await expect(t.bed.waitForEvent('startVoip', { on: bob, timeoutMs: 20 })).rejects.toThrow(/on the phone of openid-bob\.\nNo event arrived since the last wait\./);
  });
});
