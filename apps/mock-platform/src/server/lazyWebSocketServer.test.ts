import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { lazyWebSocketServer } from './lazyWebSocketServer.js';

/**
 * Run in a child process with the sources (tsx), so that no module of this test worker counts: starts a platform,
 * gets a token and an snTicket over HTTP, lists the `ws` modules loaded; then opens a party's push channel with a raw
 * handshake (no WebSocket client in the process), reads the 101 and the `hello` frame, and lists them again.
 */
const SCRIPT = `
import { createRequire } from 'node:module';
import { connect } from 'node:net';
const { startMockPlatform } = await import('./src/index.ts');
const cache = createRequire(import.meta.url).cache;
const PACKAGES = ['ws', '@fastify/websocket', 'duplexify'];
const loaded = () => Object.keys(cache).filter((path) => PACKAGES.some((name) => path.includes('/node_modules/' + name + '/')));
const platform = await startMockPlatform({ port: 0, seed: 'demo' });
const json = async (path, init) => (await fetch(platform.url + path, init)).json();
const { access_token } = await json('/cgi-bin/token?grant_type=client_credential&appid=wx_demo_app&secret=demo-app-secret');
const ticket = await json('/wxa/getsnticket?access_token=' + access_token, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ sn: 'SN-LINUX-0001', model_id: 'model-linux-doorbell' }) });
const atStart = loaded();
const party = await json('/__wxvoip/v1/parties', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ kind: 'linuxDevice', appId: 'wx_demo_app', sn: 'SN-LINUX-0001', modelId: 'model-linux-doorbell' }) });
const socket = connect(Number(new URL(platform.url).port), '127.0.0.1');
socket.write('GET ' + party.pushChannel.path + '?access_token=' + encodeURIComponent(party.credential.token) + ' HTTP/1.1\\r\\nHost: 127.0.0.1\\r\\nConnection: Upgrade\\r\\nUpgrade: websocket\\r\\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\\r\\nSec-WebSocket-Version: 13\\r\\n\\r\\n');
let wire = '';
await new Promise((resolve) => socket.on('data', (chunk) => { wire += chunk.toString('latin1'); if (wire.includes('"type":"hello"')) resolve(); }));
socket.destroy();
const afterChannel = loaded();
await platform.close();
console.log(JSON.stringify({ ticket: ticket.errcode, atStart, status: wire.split('\\r\\n')[0], hello: wire.includes('"type":"hello"'), afterChannel }));
`;

describe('lazyWebSocketServer', () => {
  it('loads nothing until the first handshake, and closing it before then does nothing', () => {
    const server = lazyWebSocketServer({ maxPayload: 1024 });
    expect(server.loaded).toBe(false);
    server.close();
    expect(server.loaded).toBe(false);
  });

  it('a started platform answers a token and an snTicket without loading ws; the first push channel handshake loads it', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, ['--conditions=@wxvoip/source', '--import', 'tsx', '--input-type=module', '-e', SCRIPT], { encoding: 'utf8', timeout: 60_000 });
    const out = JSON.parse(stdout.trim().split('\n').at(-1)!) as { ticket: number; atStart: string[]; status: string; hello: boolean; afterChannel: string[] };
    expect(out).toMatchObject({ ticket: 0, atStart: [], status: 'HTTP/1.1 101 Switching Protocols', hello: true });
    // ws itself, and nothing of the plugin the push channel no longer goes through (ADR 0039).
    expect(out.afterChannel.some((path) => path.includes('/node_modules/ws/lib/websocket-server.js'))).toBe(true);
    expect(out.afterChannel.filter((path) => !path.includes('/node_modules/ws/'))).toEqual([]);
  }, 60_000);
});
