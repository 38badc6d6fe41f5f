/**
 * `runLinuxDevice` in process (the CLI's engine, with its input and output lines in memory) against a listening
 * platform on the real clock, as the CLI checks its clock at init: what a person reads for each relayed call.
 */
import { PassThrough } from 'node:stream';
import { startMockPlatform, type MockPlatform } from '@wxvoip/mock-platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOORBELL, Phone, freshDataDir, freshNamespace, issueTicket } from '../../test/harness.js';
import { parseCliArgs, type LinuxCliOptions } from './parseCliArgs.js';
import { runLinuxDevice } from './runLinuxDevice.js';

let platform: MockPlatform;
beforeAll(async () => {
  platform = await startMockPlatform({ port: 0, clock: 'real' });
});
afterAll(async () => {
  await platform.close();
});

function cli(args: string[]) {
  const options = parseCliArgs(['linux', '--platform', platform.url, '--model', DOORBELL, ...args]) as LinuxCliOptions;
  const input = new PassThrough();
  const lines: string[] = [];
  const errors: string[] = [];
  const run = runLinuxDevice(options, { input, print: (line) => lines.push(line), printError: (line) => errors.push(line) });
  return { lines, errors, send: (line: string) => input.write(`${line}\n`), ...run };
}

const has = (lines: string[], text: string) => () => lines.some((line) => line.includes(text));

describe('runLinuxDevice (issue 17)', () => {
  it('prints one incoming line per call and a line for each hang-up made before a session exists (reject, busy)', { timeout: 20_000 }, async () => {
    const ns = freshNamespace('cli lines');
    const device = cli(['--sn', 'SN-LINUX-0001', '--namespace', ns, '--data-dir', freshDataDir(), '--sn-ticket', await issueTicket(platform, ns, 'SN-LINUX-0001')]);
    try {
      await expect.poll(has(device.lines, 'ready:'), { timeout: 10_000 }).toBe(true);
      const phone = await Phone.connect(platform, ns);
      const first = await phone.callDevice('SN-LINUX-0001');
      await phone.join(first);
      device.send(`ring ${first}`);
      await expect.poll(has(device.lines, `room=${first}`)).toBe(true);
      device.send('reject');
      await expect.poll(has(device.lines, `status 3 REJECTED room=${first} reason=11 (REJECT)`)).toBe(true);
      expect(device.lines.filter((line) => line.startsWith('incoming') && line.includes(first))).toHaveLength(1);

      const second = await phone.callDevice('SN-LINUX-0001');
      await phone.join(second);
      device.send(`ring ${second}`);
      await expect.poll(has(device.lines, `room=${second}`)).toBe(true);
      device.send('busy');
      await expect.poll(has(device.lines, `status 8 BUSY room=${second}`)).toBe(true);
      expect(device.lines.filter((line) => line.startsWith('incoming') && line.includes(second))).toHaveLength(1);
      expect(device.errors).toEqual([]);
      phone.close();
    } finally {
      device.stop();
      await device.done;
    }
  });

  it('a call relayed while the device talks: busy, with no error when the platform already ended the room busy', { timeout: 20_000 }, async () => {
    const ns = freshNamespace('cli busy');
    const device = cli(['--sn', 'SN-LINUX-0001', '--namespace', ns, '--data-dir', freshDataDir(), '--sn-ticket', await issueTicket(platform, ns, 'SN-LINUX-0001'), '--auto', 'answer']);
    try {
      await expect.poll(has(device.lines, 'ready:'), { timeout: 10_000 }).toBe(true);
      const alice = await Phone.connect(platform, ns);
      const talking = await alice.callDevice('SN-LINUX-0001');
      await alice.join(talking);
      device.send(`ring ${talking}`);
      await expect.poll(has(device.lines, `status 2 TALKING room=${talking}`)).toBe(true);
      const carol = await Phone.connect(platform, ns, 'openid-carol');
      const busy = await carol.callDevice('SN-LINUX-0001');
      await carol.join(busy);
      await expect.poll(() => carol.events(busy)).toContain('busy');
      device.send(`ring ${busy}`);
      await expect.poll(has(device.lines, `status 8 BUSY room=${busy}`)).toBe(true);
      expect(device.errors).toEqual([]);
      alice.close();
      carol.close();
    } finally {
      device.stop();
      await device.done;
    }
  });

  it('refuses to start with a data directory registered to another SN, saying so (D §1.4)', { timeout: 20_000 }, async () => {
    const ns = freshNamespace('cli bound dir');
    const dir = freshDataDir();
    const first = cli(['--sn', 'SN-LINUX-NEW', '--namespace', ns, '--data-dir', dir, '--sn-ticket', await issueTicket(platform, ns, 'SN-LINUX-NEW')]);
    await expect.poll(has(first.lines, 'ready:'), { timeout: 10_000 }).toBe(true);
    first.stop();
    await first.done;
    const renamed = cli(['--sn', 'SN-LINUX-0002', '--namespace', ns, '--data-dir', dir, '--sn-ticket', await issueTicket(platform, ns, 'SN-LINUX-0002')]);
    expect(await renamed.done).toBe(1);
    expect(renamed.errors.join('\n')).toMatch(/WXERROR_INVALID_DEVICEID: wx_init: data_dir .* holds the registration of SN-LINUX-NEW/);
    expect(renamed.lines.some((line) => line.includes('ALREADY_EXISTS') || line.startsWith('online'))).toBe(false);
  });
});
