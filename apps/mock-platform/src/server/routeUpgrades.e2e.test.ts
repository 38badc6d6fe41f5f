/**
 * Finding 1 of issue 13 over real sockets: an `Upgrade` header on anything but a push-channel WebSocket handshake is
 * ignored, so Java's HttpClient and `curl --http2` (both send `Upgrade: h2c` on http:// URLs) get plain HTTP/1.1
 * answers in their API's shape. Finding 7's push-path answers too.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startMockPlatform, type MockPlatform } from '../platform/mockPlatform.js';
import { rawRequest } from '../../test/support/rawHttp.js';

const TOKEN_PATH = '/cgi-bin/token?grant_type=client_credential&appid=wx_demo_app&secret=demo-app-secret';
const H2C = 'Connection: Upgrade, HTTP2-Settings\r\nUpgrade: h2c\r\nHTTP2-Settings: AAMAAABkAARAAAAAAAIAAAAA\r\n';

let platform: MockPlatform;
let port: number;

beforeAll(async () => {
  platform = await startMockPlatform({ port: 0 });
  port = Number(new URL(platform.url).port);
});
afterAll(() => platform.close());

async function token(): Promise<string> {
  const answer = await rawRequest(port, `GET ${TOKEN_PATH} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`);
  return (JSON.parse(answer.body) as { access_token: string }).access_token;
}

describe('requests with Upgrade headers are plain HTTP/1.1', () => {
  it('GET /cgi-bin/token with Java/curl --http2 h2c headers issues a token', async () => {
    const answer = await rawRequest(port, `GET ${TOKEN_PATH} HTTP/1.1\r\nHost: 127.0.0.1\r\n${H2C}\r\n`);
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toContain('application/json');
    expect(JSON.parse(answer.body)).toMatchObject({ access_token: expect.any(String), expires_in: 7200 });
  });

  it('POST /wxa/getsnticket with h2c headers and a body reads the body', async () => {
    const body = JSON.stringify({ sn: 'SN-H2C-0001', model_id: 'model-linux-doorbell' });
    const answer = await rawRequest(port, [
      `POST /wxa/getsnticket?access_token=${await token()} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n${H2C}\r\n`,
      body,
    ]);
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({ errcode: 0, sn_ticket: expect.stringMatching(/^[0-9A-Za-z]{32}$/) });
  });

  it('PUT /wxa/getsnticket with Connection: Upgrade and a body answers 43002 (wrong method), not a 500', async () => {
    const answer = await rawRequest(port, `PUT /wxa/getsnticket HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: Upgrade\r\nUpgrade: h2c\r\nContent-Length: 1\r\n\r\nx`);
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({ errcode: 43002 });
  });

  it('Upgrade: websocket on a WeChat, transport or control route is ignored', async () => {
    const key = 'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n';
    const wechat = await rawRequest(port, `GET ${TOKEN_PATH} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n${key}\r\n`);
    expect(JSON.parse(wechat.body)).toMatchObject({ expires_in: 7200 });
    const control = await rawRequest(port, `GET /__admin/info HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n${key}\r\n`);
    expect(control.status).toBe(200);
    expect(JSON.parse(control.body)).toMatchObject({ name: 'wxvoip-mock' });
    const transport = await rawRequest(port, `POST /__wxvoip/v1/rooms/x/join HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: Upgrade\r\nUpgrade: h2c\r\nContent-Length: 2\r\n\r\n{}`);
    expect(transport.status).toBe(401);
    expect(JSON.parse(transport.body)).toMatchObject({ errcode: 41001 });
  });

  it('keeps the connection usable for the next request (keep-alive after a replayed request)', async () => {
    const one = `GET ${TOKEN_PATH} HTTP/1.1\r\nHost: 127.0.0.1\r\n${H2C}\r\n`;
    const answer = await rawRequest(port, `${one}GET /__admin/info HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`);
    expect(answer.status).toBe(200);
  });
});

describe('the push-channel path', () => {
  it('without an upgrade answers 426 in the transport shape', async () => {
    const answer = await rawRequest(port, 'GET /__wxvoip/v1/parties/p1/channel HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
    expect(answer.status).toBe(426);
    expect(answer.headers['upgrade']).toBe('websocket');
    expect(JSON.parse(answer.body)).toMatchObject({ errcode: 47001, errmsg: expect.stringContaining('WebSocket') });
  });

  it('with Upgrade: websocket but no key answers 400 in the transport shape', async () => {
    const answer = await rawRequest(port, 'GET /__wxvoip/v1/parties/p1/channel HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n\r\n');
    expect(answer.status).toBe(400);
    expect(answer.headers['content-type']).toContain('application/json');
    expect(JSON.parse(answer.body)).toMatchObject({ errcode: 47001, errmsg: expect.stringContaining('Sec-WebSocket-Key') });
  });

  it('with Upgrade: h2c answers 426 like a plain GET', async () => {
    const answer = await rawRequest(port, `GET /__wxvoip/v1/parties/p1/channel HTTP/1.1\r\nHost: 127.0.0.1\r\n${H2C}\r\n`);
    expect(answer.status).toBe(426);
  });

  it('still opens a WebSocket for a connected party, and closes it with 1009 on a frame past the largest legal one', async () => {
    const connected = await fetch(`${platform.url}/__wxvoip/v1/parties`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'linuxDevice', appId: 'wx_demo_app', sn: 'SN-LINUX-0001', modelId: 'model-linux-doorbell' }),
    });
    const data = (await connected.json()) as { errcode: number; credential: { token: string }; pushChannel: { path: string } };
    expect(data.errcode).toBe(0);
    const ws = new WebSocket(`${platform.url.replace('http', 'ws')}${data.pushChannel.path}?access_token=${data.credential.token}`);
    const hello = await new Promise<string>((resolve, reject) => {
      ws.once('message', (data: Buffer) => resolve(data.toString('utf8')));
      ws.once('error', reject);
    });
    expect(JSON.parse(hello)).toMatchObject({ type: 'hello' });
    const closed = new Promise<number>((resolve) => ws.once('close', (code: number) => resolve(code)));
    ws.send('x'.repeat(64 * 1024));
    expect(await closed).toBe(1009);
  });
});
