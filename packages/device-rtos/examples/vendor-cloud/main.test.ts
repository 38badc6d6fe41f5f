/**
 * Runs the example vendor cloud (its `main`, in process) with a simulated camera against a listening mock platform on
 * a manual clock, and places calls both ways from a phone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockPlatform, type MockPlatform } from '@wxvoip/mock-platform';
import { TestPhone } from '../../test/platformHarness.js';
import { main, type RunningExample } from './main.js';

let platform: MockPlatform;
const logs: string[] = [];
const started: RunningExample[] = [];

beforeAll(async () => {
  platform = await startMockPlatform({ port: 0, clock: 'manual' });
});
afterAll(async () => {
  for (const example of started) await example.close();
  await platform.close();
});

/** Runs the example in a namespace of its own and points the demo app's push URL at it. */
async function run(namespace: string, ...args: string[]): Promise<RunningExample> {
  // The example's receiver checks push timestamps against the wall clock (a 300 s window): the platform's manual clock
  // starts at the wall clock's time, as WeChat's and the vendor's clocks agree.
  expect((await platform.control(namespace).setClock({ body: { mode: 'manual', now: Date.now() } })).status).toBe(200);
  const example = await main(['--platform', platform.url, '--namespace', namespace, '--port', '0', ...args], (line) => logs.push(line));
  started.push(example);
  const updated = await platform.control(namespace).updateApp({
    params: { appId: 'wx_demo_app' },
    body: { pushConfig: { url: example.cloud.url, token: 'demoToken', encodingAESKey: 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG', mode: 'secure', format: 'json' } },
  });
  expect(updated.status).toBe(200);
  return example;
}

async function phoneIn(namespace: string, openId = 'openid-alice'): Promise<TestPhone> {
  return TestPhone.connect(platform.url, openId, { namespace });
}

describe('the example vendor cloud', () => {
  it('phone → camera: accepts the notify, relays it, the camera answers, the cloud joins; the phone hangs up', { timeout: 15_000 }, async () => {
    const { cloud, camera } = await run('example-answer');
    const phone = await phoneIn('example-answer');
    const roomId = await phone.callDevice({ roomType: 'voice', sn: 'SN-RTOS-0001', modelId: 'model-rtos-camera', isCloud: true, payload: 'from the phone' });
    await phone.joinAsCaller(roomId);
    await expect.poll(() => camera.state).toBe('talking');
    expect(cloud.calls.get(roomId)).toMatchObject({ direction: 'phoneToDevice', notify: { Payload: 'from the phone' } });
    await expect.poll(() => phone.events()).toEqual(['joinedRoomByCaller', 'startVoip']);
    await phone.hangUp(roomId);
    await expect.poll(() => camera.state).toBe('idle');
    expect(camera.screen).toEqual(['ringing: openid-alice is calling', 'talking', 'call ended: HANGUP_BY_CALLER']);
    expect(cloud.calls.get(roomId)?.statuses).toEqual([2, 5]);
    phone.close();
  });

  it('camera → phone: the cloud matches the payload, joins with session_join; the camera hangs up through it', { timeout: 15_000 }, async () => {
    const { cloud, camera } = await run('example-call');
    const phone = await phoneIn('example-call');
    expect(await camera.call('openid-alice', 'Alice')).toBe(0);
    const roomId = camera.roomId!;
    await expect.poll(() => phone.rings()).toEqual([roomId]);
    await expect.poll(() => cloud.calls.get(roomId)?.statuses).toEqual([1]);
    expect(cloud.calls.get(roomId)).toMatchObject({ direction: 'deviceToPhone', notify: { Payload: 'SN-RTOS-0001:call-1' } });
    await phone.answer(roomId);
    await expect.poll(() => camera.state).toBe('talking');
    await camera.hangUp();
    await expect.poll(() => phone.events()).toEqual(['hangOnVoip', 'startVoip', 'hangUpVoip', 'endVoip', 'finishVoip']);
    expect(phone.eventData('hangUpVoip')).toMatchObject({ status: 'endByCaller' });
    await expect.poll(() => camera.screen).toEqual(['calling openid-alice', 'talking', 'call ended: HANGUP_BY_CALLER']);
    phone.close();
  });

  it('--answer reject: the camera refuses with listener_hangup, and the phone sees rejectVoip', { timeout: 15_000 }, async () => {
    await run('example-reject', '--answer', 'reject');
    const phone = await phoneIn('example-reject');
    const roomId = await phone.callDevice({ roomType: 'voice', sn: 'SN-RTOS-0001', modelId: 'model-rtos-camera', isCloud: true });
    await phone.joinAsCaller(roomId);
    await expect.poll(() => phone.events()).toEqual(['joinedRoomByCaller', 'rejectVoip', 'endVoip', 'finishVoip']);
    expect((await platform.control('example-reject').getRoom({ params: { roomId } })).body).toMatchObject({ outcome: 'rejected' });
    phone.close();
  });

  it('a call to a camera this cloud does not serve is refused in the callback reply (non-zero errcode)', { timeout: 15_000 }, async () => {
    await run('example-unknown', '--sn', 'SN-RTOS-ELSEWHERE');
    const phone = await phoneIn('example-unknown');
    const roomId = await phone.callDevice({ roomType: 'voice', sn: 'SN-RTOS-0001', modelId: 'model-rtos-camera', isCloud: true });
    await expect.poll(async () => (await platform.control('example-unknown').getRoom({ params: { roomId } })).body).toMatchObject({ outcome: 'callbackRefused' });
    expect(logs).toContain(`refused room ${roomId}: SN-RTOS-0001 is not one of our cameras`);
    phone.close();
  });

  it('refuses to start without --platform, or with a bad --answer', async () => {
    await expect(main([])).rejects.toThrow(/--platform URL is required/);
    await expect(main(['--platform', platform.url, '--answer', 'maybe'])).rejects.toThrow(/--answer must be one of/);
  });
});
