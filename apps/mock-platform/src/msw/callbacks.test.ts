import { demoSeed, IotVoipNotifyMessage } from '@wxvoip/contracts';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PlatformCore } from '../core/platformCore.js';
import { decryptMessage, msgSignature } from '../http/callbacks/index.js';
import { attachInProcessCallbacks, inProcessCallbacks } from './callbacks.js';
import { createHandlers } from './createHandlers.js';
import { setupMockPlatform } from './setupMockPlatform.js';

const PUSH_URL = 'http://127.0.0.1:3000/wechat/callback';
const TOKEN = 'demoToken';
const KEY = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG';
const server = setupServer();

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

/** A developer server as an msw handler: checks msg_signature, decrypts, records the message, answers errcode 0. */
function developerServer(received: IotVoipNotifyMessage[]) {
  return http.post(PUSH_URL, async ({ request }) => {
    const query = new URL(request.url).searchParams;
    const { Encrypt } = (await request.json()) as { Encrypt: string };
    if (query.get('msg_signature') !== msgSignature(TOKEN, query.get('timestamp') ?? '', query.get('nonce') ?? '', Encrypt)) {
      return HttpResponse.text('bad msg_signature', { status: 401 });
    }
    received.push(IotVoipNotifyMessage.parse(JSON.parse(decryptMessage(Encrypt, KEY, 'wx_demo_app'))));
    return HttpResponse.json({ errcode: 0, errmsg: 'ok' });
  });
}

/** A server-initiated cloud call (`iot/voip/call`), which WeChat announces with the `iot_voip_notify` callback. */
async function cloudCall(base: string): Promise<unknown> {
  const token = ((await (await fetch(`${base}/cgi-bin/token?grant_type=client_credential&appid=wx_demo_app&secret=demo-app-secret`)).json()) as { access_token: string }).access_token;
  const res = await fetch(`${base}/wxa/business/iot/voip/call?access_token=${token}`, {
    method: 'POST',
    body: JSON.stringify({ model_id: 'model-rtos-camera', sn: 'SN-RTOS-0001', openid: 'openid-alice', room_type: 'video', payload: 'stream-7' }),
  });
  return res.json();
}

describe('callbacks in-process through msw', () => {
  it('setupMockPlatform: the sender POSTs iot_voip_notify with the global fetch, so an msw handler receives it', async () => {
    const { platform, handlers } = await setupMockPlatform();
    const received: IotVoipNotifyMessage[] = [];
    server.use(...handlers, developerServer(received));
    try {
      expect(await cloudCall(platform.url)).toEqual({ errcode: 0, errmsg: 'ok' });
      await expect.poll(() => received.length).toBe(1);
      expect(received[0]).toMatchObject({ Sn: 'SN-RTOS-0001', Payload: 'stream-7', ToUserName: 'gh_demo0000001' });
      await expect
        .poll(async () => ((await (await fetch(`${platform.url}/__admin/callbacks`)).json()) as { deliveries: { outcome: string }[] }).deliveries.map((d) => d.outcome))
        .toEqual(['accepted']);
    } finally {
      await platform.close();
    }
  });

  it('inProcessCallbacks / attachInProcessCallbacks: the same for a core built by hand', async () => {
    const core = new PlatformCore({ seed: demoSeed, clockMode: 'manual', onTenant: inProcessCallbacks() });
    const received: IotVoipNotifyMessage[] = [];
    server.use(...createHandlers(core), developerServer(received));
    await cloudCall('http://wxvoip.mock');
    await expect.poll(() => received.length).toBe(1);

    const other = new PlatformCore({ seed: demoSeed, clockMode: 'manual' });
    const { log } = attachInProcessCallbacks(other.tenant());
    server.use(...createHandlers(other, { baseUrl: 'http://other.mock' }));
    await cloudCall('http://other.mock');
    await expect.poll(() => received.length).toBe(2);
    await expect.poll(() => log.list({}).map((d) => d.outcome)).toEqual(['accepted']);
    core.close();
    other.close();
  });
});
