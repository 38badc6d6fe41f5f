/** One-line test devices: a Linux or WMPF device that answers, rejects, reports busy or ignores the next call. */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { useWmpfVoipTesting } from './index.js';

const t = useWmpfVoipTesting({ beforeAll, beforeEach, afterEach, afterAll, expect });
const doorbell = { roomType: 'video', sn: 'SN-LINUX-0001', modelId: 'model-linux-doorbell' } as const;

/** Places a callDevice call and opens the call page, as page code does. */
async function callDoorbell(): Promise<string> {
  const { roomId } = await t.wmpfVoip.callDevice(doorbell);
  await t.wmpfVoip.simulator.callPage.navigate(t.wmpfVoip.CALL_PAGE_PATH ?? '', 'redirectTo');
  return roomId;
}

describe('bed.linuxDevice()', () => {
  it('answers the next call, then hangs up', async () => {
    const device = t.bed.linuxDevice();
    await device.answerNextCall();
    const roomId = await callDoorbell();
    await t.bed.waitForEvent('startVoip');
    expect(device.calls).toEqual([roomId]);
    await t.bed.advance(3_000);
    await device.hangUp();
    expect(t.bed.events()).toMatchVoipSequence([
      'callPageOnShow',
      'joinedRoomByCaller',
      'startVoip',
      { eventName: 'hangUpVoip', data: { status: 'endByListener', origin: 'other', keepTime: 3 } },
      'endVoip',
      { eventName: 'finishVoip', data: { keepTime: 3 } },
    ]);
  });

  it('rejects the next call; the one after that is left ringing', async () => {
    const device = t.bed.linuxDevice();
    await device.rejectNextCall();
    await callDoorbell();
    await t.bed.waitForEvent('endVoip');
    expect(t.bed.events()).toMatchVoipSequence(['callPageOnShow', 'joinedRoomByCaller', { eventName: 'rejectVoip', data: { status: 'other' } }, 'endVoip', 'finishVoip']);
    t.wmpfVoip.simulator.callPage.closeSummary(); // the person closes the summary before calling again
    await callDoorbell();
    await t.bed.advance(60_000);
    expect(t.bed.events().slice(5)).toMatchVoipSequence(['callPageOnShow', 'joinedRoomByCaller', 'timeout', 'endVoip', 'finishVoip']);
    expect(device.calls).toHaveLength(2);
  });

  it('reports busy on the next call', async () => {
    await t.bed.linuxDevice().busyOnNextCall();
    await callDoorbell();
    await t.bed.waitForEvent('busy');
    expect(t.bed.events()).toMatchVoipSequence(['callPageOnShow', 'joinedRoomByCaller', 'busy', 'endVoip', 'finishVoip']);
  });

  it('ignores the next call: it rings until the 60 s timeout', async () => {
    await t.bed.linuxDevice().ignoreNextCall();
    await callDoorbell();
    await t.bed.advance(59_000);
    expect(t.bed.events().map((e) => e.eventName)).not.toContain('timeout');
    await t.bed.advance(1_000);
    expect(t.bed.events()).toMatchVoipSequence(['callPageOnShow', 'joinedRoomByCaller', 'timeout', 'endVoip', 'finishVoip']);
  });

  it('says so when there is no call to hang up', async () => {
    await expect(t.bed.linuxDevice().hangUp()).rejects.toThrow('[wxvoip] the test device SN-LINUX-0001 has no call to hang up');
  });
});

describe('bed.wmpfDevice()', () => {
  it('answers the next callWMPF from its push, with isClickedHangOnBtn=1', async () => {
    const panel = t.bed.wmpfDevice();
    await panel.answerNextCall();
    const device = await t.bed.device();
    const { pushToken } = await device.simulator.wmpf.getPushToken();
    await t.wmpfVoip.callWMPF?.({ roomType: 'voice', sn: 'SN-WMPF-0001', modelId: 'model-wmpf-panel', pushToken, nickName: 'Alice' });
    await t.wmpfVoip.simulator.callPage.navigate(t.wmpfVoip.CALL_PAGE_PATH ?? '', 'redirectTo');
    await t.bed.waitForEvent('startVoip');
    expect(panel.calls).toHaveLength(1);
    await panel.hangUp();
    expect(t.bed.events()).toMatchVoipSequence(['callPageOnShow', 'joinedRoomByCaller', 'startVoip', { eventName: 'hangUpVoip', data: { status: 'endByListener', origin: 'other' } }, 'endVoip', 'finishVoip']);
  });

  it('rejects the next call from the call page', async () => {
    const panel = t.bed.wmpfDevice();
    await panel.rejectNextCall();
    const device = await t.bed.device();
    const { pushToken } = await device.simulator.wmpf.getPushToken();
    await t.wmpfVoip.callWMPF?.({ roomType: 'voice', sn: 'SN-WMPF-0001', modelId: 'model-wmpf-panel', pushToken, nickName: 'Alice' });
    await t.wmpfVoip.simulator.callPage.navigate(t.wmpfVoip.CALL_PAGE_PATH ?? '', 'redirectTo');
    await t.bed.waitForEvent('endVoip');
    expect(t.bed.events()).toMatchVoipSequence(['callPageOnShow', 'joinedRoomByCaller', { eventName: 'rejectVoip', data: { status: 'other' } }, 'endVoip', 'finishVoip']);
  });
});
