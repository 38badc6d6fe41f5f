/**
 * Runs the example vendor cloud (`wxvoip-rtos vendor-cloud`, in process) with a simulated camera against a listening
 * mock platform on a manual clock, and places calls both ways from a phone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockPlatform, type MockPlatform } from '@wxvoip/mock-platform';
import { TestPhone } from '../../test/platformHarness.js';
import { startVendorCloudCommand, type RunningExample } from './vendorCloudCommand.js';

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

/** Runs the example in a namespace of its own; it points the demo app's push URL at itself. */
async function run(namespace: string, ...args: string[]): Promise<RunningExample> {
  // The example's receiver checks push timestamps against the wall clock (a 300 s window): the platform's manual clock
  // starts at the wall clock's time, as WeChat's and the vendor's clocks agree.
  expect((await platform.control(namespace).setClock({ body: { mode: 'manual', now: Date.now() } })).status).toBe(200);
  const example = await startVendorCloudCommand(['--platform', platform.url, '--namespace', namespace, '--port', '0', ...args], (line) => logs.push(line));
  started.push(example);
  const app = await platform.control(namespace).getApp({ params: { appId: 'wx_demo_app' } });
  expect(app.body).toMatchObject({ pushConfig: { url: example.cloud.url, token: 'demoToken', mode: 'secure' } });
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

  it('points the push URL at itself, and the platform verifies it at once (D §4.13)', { timeout: 15_000 }, async () => {
    const { cloud } = await run('example-verify');
    await expect.poll(() => logs).toContain(`URL verification: answered the platform's echostr, ${new URL(cloud.url).pathname} is verified`);
    expect(logs).toContain(`wx_demo_app's message push URL now points here: ${cloud.url} (the platform verifies it)`);
  });

  it('listens where the push URL already points when that port is free, and saves it again so the platform re-verifies', { timeout: 15_000 }, async () => {
    const first = await run('example-follow');
    const port = new URL(first.cloud.url).port;
    await first.close();
    const verified = (line: string) => line.startsWith("URL verification: answered the platform's echostr");
    const before = logs.filter(verified).length;
    const again = await startVendorCloudCommand(['--platform', platform.url, '--namespace', 'example-follow'], (line) => logs.push(line));
    started.push(again);
    expect(new URL(again.cloud.url).port).toBe(port);
    // Saved again all the same, so the platform verified it again.
    await expect.poll(() => logs.filter(verified).length).toBe(before + 1);
  });

  it('refuses a bad --answer, an unknown app and an unreachable platform, saying what to do', async () => {
    await expect(startVendorCloudCommand(['--platform', platform.url, '--answer', 'maybe'])).rejects.toThrow(/--answer must be one of/);
    await expect(startVendorCloudCommand(['--platform', platform.url, '--app', 'wx_nope'])).rejects.toThrow('the platform has no app wx_nope: pass --app');
    await expect(startVendorCloudCommand(['--platform', 'http://127.0.0.1:1'])).rejects.toThrow(/cannot reach the platform at http:\/\/127\.0\.0\.1:1 .*start one with wxvoip-mock/);
  });
});
