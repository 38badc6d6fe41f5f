/**
 * The README's device program works as written: the README shows `examples/doorbell.ts` verbatim, and this test runs
 * that file as a user would (`node --import tsx`), against a listening platform, answering its call from a phone.
 * The platform runs on the real clock: the program checks its real clock against the platform's at init.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startMockPlatform, type MockPlatform } from '@wxvoip/mock-platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Phone, freshDataDir, issueTicket } from './harness.js';

const PACKAGE_DIR = fileURLToPath(new URL('..', import.meta.url));
const EXAMPLE = readFileSync(new URL('../examples/doorbell.ts', import.meta.url), 'utf8');
const README = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

let platform: MockPlatform;
beforeAll(async () => {
  platform = await startMockPlatform({ port: 0, clock: 'real' });
});
afterAll(async () => {
  await platform.close();
});

describe('README', () => {
  it('shows examples/doorbell.ts verbatim, in a ts block, and it is about 30 lines', () => {
    expect(README).toContain(`\`\`\`ts\n${EXAMPLE}\`\`\``);
    expect(EXAMPLE.trim().split('\n').length).toBeLessThanOrEqual(35);
  });

  it('runs the device program: it registers, rings Alice, hangs up once talking, and stops', { timeout: 30_000 }, async () => {
    const ns = 'default';
    const phone = await Phone.connect(platform, ns);
    const ticket = await issueTicket(platform, ns, 'SN-LINUX-0001');
    const child = spawn(process.execPath, ['--conditions=@wxvoip/source', '--import', 'tsx', 'examples/doorbell.ts'], {
      cwd: PACKAGE_DIR,
      env: { ...process.env, PLATFORM_URL: platform.url, DATA_DIR: freshDataDir(), SN_TICKET: ticket },
      stdio: 'pipe',
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
    const exit = new Promise<number | null>((resolve) => child.once('exit', resolve));
    try {
      await expect.poll(() => /ringing Alice in room (\S+)/.exec(out)?.[1], { timeout: 20_000 }).toBeDefined();
      const roomId = /ringing Alice in room (\S+)/.exec(out)![1]!;
      await phone.incomingCall(roomId);
      expect((await phone.answer(roomId)).errcode).toBe(0);
      expect(await exit).toBe(0);
      expect(err).toBe('');
      expect(out.trim().split('\n').filter((line) => line.startsWith('status'))).toEqual([
        `status CALLING room ${roomId}`,
        `status TALKING room ${roomId}`,
        `status HANGUP_BY_CALLER room ${roomId} reason 1`,
      ]);
      await expect.poll(() => phone.events(roomId)).toContain('hangUpVoip');
    } finally {
      child.kill();
      phone.close();
    }
  });
});
