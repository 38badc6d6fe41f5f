import { createHash } from 'node:crypto';
import { CallDeviceRequest, CallbackDelivery, ConnectPartyRequest, NotifySecureBody, PushConfig, PushNotifyQuery, demoSeed } from '@wxvoip/contracts';
import type { CallbackListQueryInput, PushConfigInput } from '@wxvoip/contracts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PlatformConfig } from '../../core/config.js';
import { PlatformTenant } from '../../core/platformTenant.js';
import { CallbackLog } from '../../core/callbacks/callbackLog.js';
import { attachCallbackSender, callbackLogOf, createCallbackSender, parseNotifyReplyBody } from './callbackSender.js';
import type { AttachCallbackSenderOptions, CallbackFetch } from './callbackSender.js';
import { openEncrypted } from '../../../test/support/openEncrypted.js';

const KEY = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG';
const URL_BASE = 'http://developer.test/wechat/callback';

type FetchInit = Parameters<CallbackFetch>[1];
interface SeenRequest {
  readonly url: string;
  readonly init: FetchInit;
}

/** A fake fetch answering with `respond`; it records every request. */
function fakeFetch(respond: (request: SeenRequest) => Promise<{ status: number; body: string }> | { status: number; body: string }) {
  const seen: SeenRequest[] = [];
  const fetch: CallbackFetch = async (url, init) => {
    const request = { url, init };
    seen.push(request);
    const { status, body } = await respond(request);
    return { status, text: async () => body };
  };
  return { fetch, seen };
}

const answer = (status: number, body: string) => fakeFetch(() => ({ status, body }));

function setup(options: { sender?: AttachCallbackSenderOptions; config?: Partial<PlatformConfig>; push?: Partial<PushConfigInput> | null } = {}) {
  const tenant = new PlatformTenant({ seed: demoSeed, ...(options.config ? { config: options.config } : {}) });
  const app = tenant.state.app('wx_demo_app')!;
  app.pushConfig = options.push === null ? undefined : PushConfig.parse({ url: URL_BASE, token: 'demoToken', encodingAESKey: KEY, ...options.push });
  const replies = vi.spyOn(tenant.callbacks, 'reply');
  const details: string[] = [];
  const attached = attachCallbackSender(tenant, { ...options.sender, onDelivery: (_delivery, detail) => details.push(detail) });
  const call = () => {
    const party = tenant.parties.connect(ConnectPartyRequest.parse({ kind: 'wechatPlugin', appId: 'wx_demo_app', openId: 'openid-alice' }));
    if (!party.ok) throw new Error(party.refusal.message);
    const room = tenant.calls.callDevice(party.value.party, CallDeviceRequest.parse({ roomType: 'voice', sn: 'SN-RTOS-0001', modelId: 'model-rtos-camera', isCloud: true }));
    if (!room.ok) throw new Error(room.refusal.message);
    return room.value.roomId;
  };
  const room = (roomId: string) => tenant.rooms.get(roomId)!;
  return { tenant, replies, details, call, room, ...attached };
}

/** The message of an `Encrypt` field, checking that it was sealed for the demo app. */
function decrypt(encrypt: string): string {
  const { message, appId } = openEncrypted(encrypt, KEY);
  expect(appId).toBe('wx_demo_app');
  return message;
}

const sha1 = (parts: string[]) => createHash('sha1').update([...parts].sort().join('')).digest('hex');

describe('callback sender against a fake developer server', () => {
  it('errcode 0: POSTs the signed secure body, the dispatcher gets {errcode: 0} and the phone rings', async () => {
    const server = answer(200, '{"errcode":0,"errmsg":"ok"}');
    const t = setup({ sender: { fetch: server.fetch } });
    const roomId = t.call();
    await t.sender.idle();

    expect(t.replies).toHaveBeenCalledTimes(1);
    expect(t.replies.mock.calls[0]).toEqual([expect.stringMatching(/^cb_/), { errcode: 0 }]);
    expect(t.room(roomId).state).toBe('ringing');

    expect(server.seen).toHaveLength(1);
    const { url, init } = server.seen[0]!;
    expect(init.method).toBe('POST');
    expect(init.headers).toEqual({ 'content-type': 'application/json' });
    const query = PushNotifyQuery.parse(Object.fromEntries(new URL(url).searchParams));
    expect(query.timestamp).toBe(String(t.tenant.state.nowSec()));
    expect(query.openid).toBe('openid-alice');
    const body = NotifySecureBody.parse(JSON.parse(init.body!));
    expect(query.msg_signature).toBe(sha1(['demoToken', query.timestamp, query.nonce, body.Encrypt]));
    expect(query.signature).toBe(sha1(['demoToken', query.timestamp, query.nonce]));
    expect(JSON.parse(decrypt(body.Encrypt))).toMatchObject({ RoomId: roomId, Event: 'iot_voip_notify', Sn: 'SN-RTOS-0001', FromUserName: 'openid-alice' });

    const [delivery] = t.log.list();
    expect(CallbackDelivery.parse(delivery)).toEqual(delivery);
    expect(delivery).toMatchObject({
      appId: 'wx_demo_app',
      roomId,
      attempt: 1,
      url: URL_BASE,
      mode: 'secure',
      format: 'json',
      sentAt: t.tenant.state.now(),
      request: { query: { ...query }, body: init.body },
      reply: { status: 200, errcode: 0, body: '{"errcode":0,"errmsg":"ok"}' },
      outcome: 'accepted',
    });
    expect(t.details).toEqual(['the developer server accepted the call (errcode 0)']);
  });

  it('errcode 40001: the dispatcher gets {errcode: 40001} and the call is cancelled without ringing', async () => {
    const t = setup({ sender: { fetch: answer(200, '{"errcode":40001,"errmsg":"refused"}').fetch } });
    const roomId = t.call();
    await t.sender.idle();
    expect(t.replies.mock.calls.map((c) => c[1])).toEqual([{ errcode: 40001 }]);
    expect(t.room(roomId).outcome).toBe('callbackRefused');
    expect(t.log.list()[0]).toMatchObject({ outcome: 'refused', reply: { status: 200, errcode: 40001 } });
  });

  it('HTTP 500: an error each attempt; the dispatcher retries (3 times by default), then cancels', async () => {
    const server = answer(500, '{"errcode":0}');
    const t = setup({ sender: { fetch: server.fetch } });
    const roomId = t.call();
    await t.sender.idle();
    expect(t.replies).toHaveBeenCalledTimes(4);
    for (const [, reply] of t.replies.mock.calls) expect(reply).toEqual({ outcome: 'error', detail: `HTTP 500 from ${URL_BASE}: the reply must be HTTP 200 with {"errcode":0}` });
    expect(t.log.list().map((d) => [d.attempt, d.outcome, d.reply?.status, d.reply?.errcode])).toEqual([
      [4, 'error', 500, 0],
      [3, 'error', 500, 0],
      [2, 'error', 500, 0],
      [1, 'error', 500, 0],
    ]);
    expect(new Set(server.seen.map((s) => new URL(s.url).searchParams.get('nonce'))).size).toBe(4);
    expect(t.room(roomId).outcome).toBe('callbackRefused');
  });

  it('a garbage body with HTTP 200 is an error, not an errcode', async () => {
    const t = setup({ sender: { fetch: answer(200, '<html>success</html>').fetch }, config: { callbackRetries: 0 } });
    const roomId = t.call();
    await t.sender.idle();
    expect(t.replies.mock.calls.map((c) => c[1])).toEqual([
      { outcome: 'error', detail: `HTTP 200 from ${URL_BASE} with an unreadable body: the reply is XML, but only JSON {"errcode":…} is read for this app` },
    ]);
    expect(t.log.list()[0]).toMatchObject({ outcome: 'error', reply: { status: 200, errcode: null, body: '<html>success</html>' } });
    expect(t.room(roomId).outcome).toBe('callbackRefused');
  });

  it('a network error is an error with the cause in the detail', async () => {
    const fetch: CallbackFetch = async () => {
      throw new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED 127.0.0.1:9') });
    };
    const t = setup({ sender: { fetch }, config: { callbackRetries: 0 } });
    t.call();
    await t.sender.idle();
    expect(t.replies.mock.calls.map((c) => c[1])).toEqual([
      { outcome: 'error', detail: `could not deliver to ${URL_BASE}: fetch failed: connect ECONNREFUSED 127.0.0.1:9` },
    ]);
    expect(t.log.list()[0]).toMatchObject({ outcome: 'error', reply: null });
  });

  it('a server that never answers is aborted after timeoutMs and reported as noReply', async () => {
    const aborted: boolean[] = [];
    const server = fakeFetch(
      ({ init }) =>
        new Promise((_, reject) => {
          init.signal.addEventListener('abort', () => {
            aborted.push(true);
            reject(new Error('This operation was aborted'));
          });
        }),
    );
    const t = setup({ sender: { fetch: server.fetch, timeoutMs: 25 }, config: { callbackRetries: 0 } });
    const roomId = t.call();
    await t.sender.idle();
    expect(aborted).toEqual([true]);
    expect(t.replies.mock.calls.map((c) => c[1])).toEqual([{ outcome: 'noReply', detail: `no reply from ${URL_BASE} within 25 ms (the request was aborted)` }]);
    const [delivery] = t.log.list();
    expect(delivery).toMatchObject({ outcome: 'noReply', reply: null });
    expect(delivery!.durationMs).toBeGreaterThanOrEqual(20);
    expect(t.room(roomId).outcome).toBe('callbackRefused');
  });

  it('the deadline holds even when fetch ignores its abort signal', async () => {
    const t = setup({ sender: { fetch: () => new Promise(() => undefined), timeoutMs: 10 }, config: { callbackRetries: 0 } });
    t.call();
    await t.sender.idle();
    expect(t.replies.mock.calls.map((c) => (c[1] as { outcome: string }).outcome)).toEqual(['noReply']);
  });

  it('no push configuration: an error at once, never synchronously, and nothing is fetched', async () => {
    const server = answer(200, '{"errcode":0}');
    const t = setup({ sender: { fetch: server.fetch }, push: null, config: { callbackRetries: 0 } });
    const roomId = t.call();
    expect(t.replies).not.toHaveBeenCalled();
    expect(t.room(roomId).state).toBe('created');
    await t.sender.idle();
    expect(server.seen).toHaveLength(0);
    expect(t.replies.mock.calls.map((c) => c[1])).toEqual([
      { outcome: 'error', detail: 'app wx_demo_app has no message push configuration (URL, Token, EncodingAESKey): nowhere to POST iot_voip_notify', final: true },
    ]);
    const [delivery] = t.log.list();
    expect(CallbackDelivery.parse(delivery)).toMatchObject({ url: '', mode: 'secure', format: 'json', request: { query: {}, body: '' }, reply: null, outcome: 'error' });
  });

  it('a plaintext-configured app is refused under the default requireSecure policy, once, with the reason in the log', async () => {
    const server = answer(200, '{"errcode":0}');
    const t = setup({ sender: { fetch: server.fetch }, push: { mode: 'plaintext' } });
    const roomId = t.call();
    await t.sender.idle();
    expect(server.seen).toHaveLength(0);
    const detail =
      "app wx_demo_app pushes in 'plaintext' mode, but iot_voip_notify requires secure mode (D §2.3); nothing was sent. Set pushConfig.mode to 'secure' (PATCH /__admin/apps/wx_demo_app)";
    // A configuration no retry can cure is not retried: one attempt, and the call ends.
    expect(t.replies.mock.calls.map((c) => c[1])).toEqual([{ outcome: 'error', detail, final: true }]);
    expect(t.log.list()).toHaveLength(1);
    expect(CallbackDelivery.parse(t.log.list()[0])).toMatchObject({ mode: 'plaintext', outcome: 'error', detail });
    expect(t.room(roomId).outcome).toBe('callbackRefused');
  });

  it('modePolicy asConfigured POSTs a plaintext-configured app in plaintext', async () => {
    const server = answer(200, '{"errcode":0}');
    const t = setup({ sender: { fetch: server.fetch, modePolicy: 'asConfigured' }, push: { mode: 'plaintext' } });
    const roomId = t.call();
    await t.sender.idle();
    expect(JSON.parse(server.seen[0]!.init.body!)).toMatchObject({ RoomId: roomId, MsgType: 'event' });
    expect(new URL(server.seen[0]!.url).searchParams.has('msg_signature')).toBe(false);
    expect(t.room(roomId).state).toBe('ringing');
  });

  it('XML format: the body is XML and an XML <errcode> reply is read', async () => {
    const server = answer(200, '<xml><errcode>0</errcode><errmsg><![CDATA[ok]]></errmsg></xml>');
    const t = setup({ sender: { fetch: server.fetch }, push: { format: 'xml' } });
    const roomId = t.call();
    await t.sender.idle();
    expect(server.seen[0]!.init.headers).toEqual({ 'content-type': 'text/xml' });
    expect(server.seen[0]!.init.body).toMatch(/^<xml><ToUserName><!\[CDATA\[gh_demo0000001\]\]><\/ToUserName><Encrypt><!\[CDATA\[[A-Za-z0-9+/=]+\]\]><\/Encrypt><\/xml>$/);
    expect(t.replies.mock.calls.map((c) => c[1])).toEqual([{ errcode: 0 }]);
    expect(t.room(roomId).state).toBe('ringing');
  });

  it('uses the injected clock and random bytes: the same inputs give the same request', async () => {
    const bodies: string[] = [];
    for (let run = 0; run < 2; run += 1) {
      const server = answer(200, '{"errcode":0}');
      const t = setup({ sender: { fetch: server.fetch, randomBytes: (size) => new Uint8Array(size).fill(3), now: () => 1_800_000_000_000 } });
      t.call();
      await t.sender.idle();
      bodies.push(server.seen[0]!.url, server.seen[0]!.init.body!);
    }
    expect(bodies[0]).toBe(bodies[2]);
    expect(bodies[1]).toBe(bodies[3]);
    expect(new URL(bodies[0]!).searchParams.get('timestamp')).toBe('1800000000');
    expect(new URL(bodies[0]!).searchParams.get('nonce')).toBe('3333333333');
  });

  it('detach removes the sender; callbackLogOf finds the attached log', () => {
    const t = setup({ sender: { fetch: answer(200, '{"errcode":0}').fetch } });
    expect(t.tenant.callbacks.sender).toBe(t.sender);
    expect(callbackLogOf(t.tenant)).toBe(t.log);
    t.detach();
    expect(t.tenant.callbacks.sender).toBeUndefined();
  });

  it('createCallbackSender works without a tenant and resolves with the delivery', async () => {
    const replies: unknown[] = [];
    const sender = createCallbackSender({ reply: (id, r) => replies.push([id, r]), fetch: answer(200, '{"errcode":7}').fetch, now: () => 5_000 });
    const delivery = await sender({
      deliveryId: 'd1',
      appId: 'wx_demo_app',
      roomId: 'room-1',
      attempt: 2,
      pushConfig: PushConfig.parse({ url: URL_BASE, token: 'demoToken', encodingAESKey: KEY }),
      event: {
        ToUserName: 'gh_demo0000001',
        FromUserName: 'openid-alice',
        CreateTime: 5,
        MsgType: 'event',
        Event: 'iot_voip_notify',
        Action: 'join_voip_room',
        RoomId: 'room-1',
        SessionKey: 'sk',
        ServerToken: 'st',
        Payload: '',
        ModelId: 'model-rtos-camera',
        Sn: 'SN-RTOS-0001',
      },
    });
    expect(replies).toEqual([['d1', { errcode: 7 }]]);
    expect(delivery).toMatchObject({ deliveryId: 'd1', attempt: 2, sentAt: 5_000, outcome: 'refused' });
    expect(sender.inFlight).toBe(0);
  });
});

describe('parseNotifyReplyBody', () => {
  it('reads JSON {errcode, errmsg} and optional XML', () => {
    expect(parseNotifyReplyBody(' {"errcode":0,"errmsg":"ok"}\n', false)).toEqual({ ok: true, errcode: 0 });
    expect(parseNotifyReplyBody('{"errcode":-1}', false)).toEqual({ ok: true, errcode: -1 });
    expect(parseNotifyReplyBody('<xml><errcode>40001</errcode></xml>', true)).toEqual({ ok: true, errcode: 40001 });
  });

  it('explains what is wrong with anything else', () => {
    expect(parseNotifyReplyBody('', false)).toMatchObject({ ok: false, detail: expect.stringContaining('empty') });
    expect(parseNotifyReplyBody('success', false)).toMatchObject({ ok: false, detail: 'the reply is not JSON: "success"' });
    expect(parseNotifyReplyBody('{"errmsg":"ok"}', false)).toMatchObject({ ok: false, detail: expect.stringContaining('errcode is required') });
    expect(parseNotifyReplyBody('{"errcode":"0"}', false)).toMatchObject({ ok: false, detail: expect.stringContaining('errcode must be a number') });
    expect(parseNotifyReplyBody('<xml><errcode>0</errcode></xml>', false)).toMatchObject({ ok: false });
    expect(parseNotifyReplyBody('<xml><errmsg>ok</errmsg></xml>', true)).toMatchObject({ ok: false, detail: 'the XML reply has no integer <errcode>' });
    expect(parseNotifyReplyBody('<xml><errcode>0</xml>', true)).toMatchObject({ ok: false, detail: expect.stringContaining('XML reply is unreadable') });
  });
});

describe('CallbackLog', () => {
  const delivery = (n: number, overrides: Partial<CallbackDelivery> = {}): CallbackDelivery => ({
    deliveryId: `cb_${n}`,
    appId: 'wx_demo_app',
    roomId: `room-${n % 2}`,
    attempt: 1,
    url: URL_BASE,
    mode: 'secure',
    format: 'json',
    sentAt: n,
    request: { query: {}, body: '' },
    event: {
      ToUserName: 'gh_demo0000001',
      FromUserName: 'openid-alice',
      CreateTime: 1,
      MsgType: 'event',
      Event: 'iot_voip_notify',
      Action: 'join_voip_room',
      RoomId: `room-${n % 2}`,
      SessionKey: 'sk',
      ServerToken: 'st',
      Payload: '',
      ModelId: 'm',
      Sn: 'SN-1',
    },
    reply: null,
    outcome: n % 3 === 0 ? 'accepted' : 'error',
    durationMs: 0,
    ...overrides,
  });

  it('keeps at most capacity entries, dropping the oldest, and lists newest first', () => {
    const log = new CallbackLog(3);
    for (let n = 1; n <= 5; n += 1) log.add(delivery(n));
    expect(log.size).toBe(3);
    expect(log.list().map((d) => d.deliveryId)).toEqual(['cb_5', 'cb_4', 'cb_3']);
    expect(log.get('cb_1')).toBeUndefined();
    expect(log.get('cb_4')?.sentAt).toBe(4);
  });

  it('filters by appId, roomId and outcome and honours limit', () => {
    const log = new CallbackLog();
    for (let n = 1; n <= 9; n += 1) log.add(delivery(n, n === 9 ? { appId: 'wx_other_app' } : {}));
    const ids = (q: CallbackListQueryInput) => log.list(q).map((d) => d.deliveryId);
    expect(ids({ roomId: 'room-1' })).toEqual(['cb_9', 'cb_7', 'cb_5', 'cb_3', 'cb_1']);
    expect(ids({ outcome: 'accepted' })).toEqual(['cb_9', 'cb_6', 'cb_3']);
    expect(ids({ appId: 'wx_other_app' })).toEqual(['cb_9']);
    expect(ids({ limit: 2 })).toEqual(['cb_9', 'cb_8']);
    expect(() => log.list({ limit: 0 })).toThrow(/limit must be at least 1/);
    log.clear();
    expect(log.size).toBe(0);
  });

  it('refuses a capacity below 1', () => {
    expect(() => new CallbackLog(0)).toThrow(RangeError);
  });
});

afterEach(() => {
  vi.restoreAllMocks();
});
