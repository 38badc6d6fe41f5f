/**
 * The `wxvoip-device` CLI as a user runs it: a child process (`node bin/wxvoip-device.js linux …`) against a
 * listening platform. The platform runs on the real clock here, because the CLI checks its own (real) clock against
 * the platform's at init, as the SDK does; no test below waits on a platform timer.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startMockPlatform, type MockPlatform } from '@wxvoip/mock-platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOORBELL, Phone, freshDataDir, freshNamespace, issueTicket } from '../../test/harness.js';
import { parseCliArgs } from './parseCliArgs.js';

const PACKAGE_DIR = fileURLToPath(new URL('../..', import.meta.url));

let platform: MockPlatform;
beforeAll(async () => {
  platform = await startMockPlatform({ port: 0, clock: 'real' });
});
afterAll(async () => {
  await platform.close();
});

/** The CLI as a child process, with its output lines. */
function spawnCli(args: string[]): { child: ChildProcessWithoutNullStreams; lines: string[]; errors: string[]; send: (line: string) => void; exit: Promise<number | null> } {
  const child = spawn(process.execPath, ['bin/wxvoip-device.js', ...args], { cwd: PACKAGE_DIR, stdio: 'pipe' });
  const lines: string[] = [];
  const errors: string[] = [];
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString('utf8');
    const parts = out.split('\n');
    out = parts.pop() ?? '';
    lines.push(...parts);
  });
  child.stderr.on('data', (chunk: Buffer) => {
    err += chunk.toString('utf8');
    const parts = err.split('\n');
    err = parts.pop() ?? '';
    errors.push(...parts);
  });
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, lines, errors, send: (line) => child.stdin.write(`${line}\n`), exit };
}

const has = (lines: string[], text: string) => () => lines.some((line) => line.includes(text));

describe('wxvoip-device linux', () => {
  it('registers, stays online, answers a relayed call by itself, prints every status, calls when told, and quits', { timeout: 30_000 }, async () => {
    const ns = freshNamespace('cli auto answer');
    const ticket = await issueTicket(platform, ns, 'SN-LINUX-0001');
    const cli = spawnCli(['linux', '--platform', platform.url, '--sn', 'SN-LINUX-0001', '--model', DOORBELL, '--namespace', ns, '--data-dir', freshDataDir(), '--sn-ticket', ticket, '--auto', 'answer']);
    try {
      await expect.poll(has(cli.lines, 'ready:'), { timeout: 20_000 }).toBe(true);
      expect(cli.lines).toContain('register: WXERROR_ALREADY_EXISTS (registered before)');

      const phone = await Phone.connect(platform, ns);
      const roomId = await phone.callDevice('SN-LINUX-0001');
      await phone.join(roomId);
      cli.send(`ring ${roomId}`);
      await expect.poll(has(cli.lines, `status 2 TALKING room=${roomId}`), { timeout: 5_000 }).toBe(true);
      expect(cli.lines).toContain(`answering room=${roomId}`);
      await phone.hangUp(roomId);
      await expect.poll(has(cli.lines, `status 5 HANGUP_BY_CALLER room=${roomId}`), { timeout: 5_000 }).toBe(true);

      cli.send('call openid-alice');
      await expect.poll(() => cli.lines.find((line) => line.startsWith('status 1 CALLING')), { timeout: 5_000 }).toBeDefined();
      const placed = cli.lines.find((line) => line.startsWith('status 1 CALLING'))!.split('room=')[1]!;
      await phone.incomingCall(placed);
      await phone.reject(placed);
      await expect.poll(has(cli.lines, `status 3 REJECTED room=${placed}`), { timeout: 5_000 }).toBe(true);

      cli.send('quit');
      expect(await cli.exit).toBe(0);
      expect(cli.lines.at(-1)).toBe('stopped');
      expect(cli.errors).toEqual([]);
      phone.close();
    } finally {
      cli.child.kill();
    }
  });

  it('fetches its snTicket as the backend would, asks before answering, rejects when told, and reconnects when dropped', { timeout: 30_000 }, async () => {
    const ns = freshNamespace('cli ask');
    const cli = spawnCli(['linux', '--platform', platform.url, '--sn', 'SN-LINUX-NEW', '--model', DOORBELL, '--namespace', ns, '--data-dir', freshDataDir(), '--app-secret', 'demo-app-secret', '--flavor', 'develop']);
    try {
      await expect.poll(has(cli.lines, 'ready:'), { timeout: 20_000 }).toBe(true);
      expect(cli.lines).toContain('register: WXERROR_OK');
      expect((await platform.control(ns).getDevice({ params: { sn: 'SN-LINUX-NEW' } })).body).toMatchObject({ registration: { registered: true } });

      const phone = await Phone.connect(platform, ns);
      await platform.control(ns).setDeviceLicense({ params: { appId: 'wx_demo_app', sn: 'SN-LINUX-NEW' }, body: { expireTime: 1_893_427_200, activeNumbers: [] } });
      const roomId = await phone.callDevice('SN-LINUX-NEW');
      await phone.join(roomId);
      cli.send(`ring ${roomId}`);
      await expect.poll(has(cli.lines, `incoming room=${roomId}: type "answer" or "reject"`), { timeout: 5_000 }).toBe(true);
      cli.send('reject');
      await expect.poll(() => phone.events(roomId), { timeout: 5_000 }).toContain('rejectVoip');
      await expect.poll(has(cli.lines, `rejected room=${roomId}`), { timeout: 5_000 }).toBe(true);
      // The platform drops the device: it says so, and comes back online by itself.
      expect((await platform.control(ns).takeDeviceOffline({ params: { sn: 'SN-LINUX-NEW' }, body: { abortCalls: true } })).status).toBe(200);
      await expect.poll(has(cli.lines, 'offline reason=offline'), { timeout: 5_000 }).toBe(true);
      await expect.poll(has(cli.lines, 'online again'), { timeout: 10_000 }).toBe(true);
      cli.child.kill('SIGTERM');
      expect(await cli.exit).toBe(0);
      phone.close();
    } finally {
      cli.child.kill();
    }
  });
});

describe('parseCliArgs', () => {
  it('needs the linux subcommand, --platform, --sn and --model, and checks --auto and --flavor', () => {
    expect(parseCliArgs(['linux', '--platform', 'http://x', '--sn', 'S', '--model', 'M'], '/home/me/project')).toMatchObject({ appId: 'wx_demo_app', auto: 'none', flavor: 0, dataDir: '/home/me/project/.wxvoip-device/S', video: false });
    expect(parseCliArgs(['linux', '--platform', 'http://x', '--sn', 'S', '--model', 'M', '--data-dir', 'state/dev'], '/home/me/project')).toMatchObject({ dataDir: '/home/me/project/state/dev' });
    expect(parseCliArgs(['linux', '--platform', 'http://x', '--sn', 'S', '--model', 'M', '--data-dir', '/var/lib/dev'], '/home/me/project')).toMatchObject({ dataDir: '/var/lib/dev' });
    expect(parseCliArgs(['--help'])).toBe('help');
    expect(parseCliArgs(['--', 'linux', '--platform', 'http://x', '--sn', 'S', '--model', 'M'])).toMatchObject({ sn: 'S' });
    expect(parseCliArgs(['rtos'])).toEqual({ error: 'expected the subcommand "linux", got rtos' });
    expect(parseCliArgs(['linux', '--sn', 'S'])).toEqual({ error: 'missing --platform, --model' });
    expect(parseCliArgs(['linux', '--platform', 'p', '--sn', 'S', '--model', 'M', '--auto', 'maybe'])).toEqual({ error: '--auto must be answer, reject, busy or none, got maybe' });
    expect(parseCliArgs(['linux', '--platform', 'p', '--sn', 'S', '--model', 'M', '--flavor', 'beta'])).toEqual({ error: '--flavor must be release, develop or trial, got beta' });
    expect(parseCliArgs(['linux', '--nope'])).toMatchObject({ error: expect.stringContaining('--nope') });
  });
});
