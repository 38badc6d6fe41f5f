/**
 * The CLI's state flags as a user meets them (`node --conditions=@wxvoip/source --import tsx src/cli/main.ts …`, processes run side by side):
 * where the state goes by default, and the documented refusal of a damaged or newer state file, which
 * is left byte for byte as it was.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const PACKAGE_DIR = fileURLToPath(new URL('../..', import.meta.url));

/** Runs the CLI until it prints its `state:` banner line (pretty format; then SIGTERM) or exits; returns its output and exit. */
function run(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; out: string; err: string }> {
  const child = spawn(process.execPath, ['--conditions=@wxvoip/source', '--import', 'tsx', 'src/cli/main.ts', ...args], { cwd: PACKAGE_DIR, stdio: 'pipe', env: { ...process.env, INIT_CWD: '', ...env } });
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString('utf8');
    if (out.includes('  state:')) child.kill('SIGTERM');
  });
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, out, err })));
}

function dataDirWith(content: string): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'wxvoip-cli-state-'));
  mkdirSync(join(dir, 'namespaces'));
  const file = join(dir, 'namespaces', 'default.json');
  writeFileSync(file, content);
  return { dir, file };
}

describe('wxvoip-mock state flags', () => {
  it('keeps state under INIT_CWD by default, and refuses damaged or newer state files untouched', { timeout: 60_000 }, async () => {
    const userCwd = mkdtempSync(join(tmpdir(), 'wxvoip-cli-cwd-'));
    const damaged = dataDirWith('{"format": "wxvoip-mock-state", "formatVersion": 1, "namesp');
    const newer = dataDirWith(JSON.stringify({ format: 'wxvoip-mock-state', formatVersion: 2, namespace: 'default', apps: [], somethingNew: true }));
    const [byDefault, refusedDamaged, refusedNewer] = await Promise.all([
      run(['--port', '0', '--log-format', 'pretty'], { INIT_CWD: userCwd }),
      run(['--port', '0', '--data-dir', damaged.dir]),
      run(['--port', '0', '--data-dir', newer.dir]),
    ]);

    expect(byDefault.out).toContain(`  state:     ${join(userCwd, '.wxvoip-mock')} (nothing saved yet; kept across restarts, --wipe-state to start over)\n`);
    expect(byDefault.code).toBe(0);

    expect(refusedDamaged.code).toBe(2);
    expect(refusedDamaged.err).toContain(`wxvoip-mock: cannot start: the state file ${damaged.file} is not valid JSON`);
    expect(refusedDamaged.err).toContain('The file was left as it is. Move it out of the data directory (to keep it), start with --wipe-state');
    expect(readFileSync(damaged.file, 'utf8')).toBe('{"format": "wxvoip-mock-state", "formatVersion": 1, "namesp');
    expect(refusedNewer.code).toBe(2);
    expect(refusedNewer.err).toContain(`wxvoip-mock: cannot start: the state file ${newer.file} has formatVersion 2, written by a newer wxvoip-mock; this one reads formatVersion 1.`);
    expect(readFileSync(newer.file, 'utf8')).toBe(JSON.stringify({ format: 'wxvoip-mock-state', formatVersion: 2, namespace: 'default', apps: [], somethingNew: true }));
  });
});
