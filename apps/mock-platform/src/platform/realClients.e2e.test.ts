/**
 * Finding 1 of issue 13 with the real clients that met it: a Java backend on the JDK's java.net.http.HttpClient with
 * default settings (it sends `Upgrade: h2c` on http:// URLs) and `curl --http2` fetch a token and an snTicket from a
 * listening platform. The Java program is compiled with the machine's javac at test time. Without a JDK the test is
 * skipped on a developer machine and fails in CI (CI=true): `.ci/run` installs openjdk-17-jdk-headless.
 */
import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockPlatform, type MockPlatform } from './mockPlatform.js';

const JAVA_SOURCE = fileURLToPath(new URL('../../test/java/WxClient.java', import.meta.url));
const has = (command: string) => spawnSync(command, ['-version'], { stdio: 'ignore' }).status === 0;
const hasJdk = has('javac') && has('java');
const hasCurl = spawnSync('curl', ['--version'], { stdio: 'ignore' }).status === 0;
// Asynchronous on purpose: the platform answers from this very process.
const run = async (command: string, args: string[]): Promise<string> => (await promisify(execFile)(command, args, { encoding: 'utf8', timeout: 60_000 })).stdout;
const inCi = process.env['CI'] === 'true' || process.env['CI'] === '1';

let platform: MockPlatform;
beforeAll(async () => {
  platform = await startMockPlatform({ port: 0 });
});
afterAll(() => platform.close());

describe('a Java backend on java.net.http.HttpClient (default settings)', () => {
  it.runIf(inCi && !hasJdk)('finds a JDK in CI (.ci/run installs openjdk-17-jdk-headless)', () => {
    expect.fail('javac/java not found: CI must install a JDK (see .ci/run); this test never silently skips in CI');
  });

  it.runIf(hasJdk)('fetches a token and an snTicket with errcode 0', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wxvoip-java-'));
    try {
      await run('javac', ['-d', dir, JAVA_SOURCE]);
      const out = (await run('java', ['-cp', dir, 'WxClient', platform.url])).trim().split('\n');
      const token = JSON.parse(out[0]!) as { access_token?: string; errcode?: number };
      const ticket = JSON.parse(out[1]!) as { sn_ticket?: string; errcode?: number };
      expect(token.errcode ?? 0).toBe(0);
      expect(token.access_token).toEqual(expect.any(String));
      expect(ticket.errcode).toBe(0);
      expect(ticket.sn_ticket).toMatch(/^[0-9A-Za-z]{32}$/);
      expect(out[2]).toBe('version HTTP_1_1 HTTP_1_1');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('curl --http2 (Upgrade: h2c on http://)', () => {
  it.runIf(hasCurl)('fetches a token and an snTicket with errcode 0', async () => {
    const token = JSON.parse(await run('curl', ['-sS', '--http2', `${platform.url}/cgi-bin/token?grant_type=client_credential&appid=wx_demo_app&secret=demo-app-secret`])) as { access_token: string };
    expect(token.access_token).toEqual(expect.any(String));
    const ticket = JSON.parse(
      await run('curl', ['-sS', '--http2', '-H', 'content-type: application/json', '-d', '{"sn":"SN-CURL-0001","model_id":"model-linux-doorbell"}', `${platform.url}/wxa/getsnticket?access_token=${token.access_token}`]),
    ) as { errcode: number };
    expect(ticket.errcode).toBe(0);
  });
});
