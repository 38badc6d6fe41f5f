import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { nodeHttpFetch } from './nodeHttpFetch.js';

let server: Server | undefined;
afterEach(async () => {
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  server = undefined;
});

async function listen(handler: Parameters<typeof createServer>[1]): Promise<string> {
  server = createServer(handler);
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const init = (signal = new AbortController().signal) => ({ method: 'GET', headers: { 'x-probe': 'yes' }, signal, redirect: 'manual' as const });

describe('nodeHttpFetch', () => {
  it('answers the status and the body as UTF-8, sends the headers, and follows no redirect', async () => {
    const base = await listen((req, res) => {
      if (req.url === '/moved') {
        res.writeHead(302, { location: '/elsewhere' }).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'text/plain' }).end(`${req.headers['x-probe']} 门铃 ${req.url}`);
    });
    const answer = await nodeHttpFetch(`${base}/echo?echostr=1`, init());
    expect([answer.status, await answer.text()]).toEqual([200, 'yes 门铃 /echo?echostr=1']);
    expect((await nodeHttpFetch(`${base}/moved`, init())).status).toBe(302);
  });

  it('rejects like fetch ("fetch failed", the socket error as cause) when nothing listens', async () => {
    const base = await listen(() => undefined);
    await new Promise((resolve) => server!.close(resolve));
    server = undefined;
    await expect(nodeHttpFetch(`${base}/`, init())).rejects.toMatchObject({ message: 'fetch failed', cause: { code: 'ECONNREFUSED' } });
  });

  it('stops when its signal aborts', async () => {
    const base = await listen(() => undefined); // never answers
    const controller = new AbortController();
    const pending = nodeHttpFetch(`${base}/`, init(controller.signal));
    controller.abort();
    await expect(pending).rejects.toBeInstanceOf(Error);
  });

  it('a listening platform checks its seeded push URL at start without loading Node\'s fetch (undici)', async () => {
    const script = [
      "const { startMockPlatform } = await import('./src/index.ts');",
      "const platform = await startMockPlatform({ port: 0, seed: 'demo' });",
      'const result = await platform.verifyPushUrl(\'wx_demo_app\');',
      "const undici = process.moduleLoadList.filter((name) => name.includes('undici'));",
      'await platform.close();',
      'console.log(JSON.stringify({ reason: result.reason, detail: result.detail, undici }));',
    ].join('\n');
    const { stdout } = await promisify(execFile)(process.execPath, ['--conditions=@wxvoip/source', '--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8', timeout: 60_000 });
    const out = JSON.parse(stdout.trim().split('\n').at(-1)!) as { reason: string; detail: string; undici: string[] };
    // Nothing listens one port above the platform: the check fails with a network error, as fetch's did.
    expect(out).toMatchObject({ reason: 'network', detail: expect.stringMatching(/^could not reach http:\/\/127\.0\.0\.1:\d+\/\S*: fetch failed: connect ECONNREFUSED/) });
    expect(out.undici).toEqual([]);
  }, 60_000);
});
