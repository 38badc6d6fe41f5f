/**
 * The `wxvoip-mock` launcher inside the workspace (`bin/wxvoip-mock.js`, what `pnpm start` runs): it bundles the
 * TypeScript sources with esbuild and keeps the bundle while none of its inputs changed (ADR 0033, ADR 0036).
 */
import { execFile } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const PACKAGE_DIR = fileURLToPath(new URL('../..', import.meta.url));
const BUNDLE = `${PACKAGE_DIR}node_modules/.cache/wxvoip-mock/main.mjs`;
const STAMP = '// wxvoip-mock inputs ';

async function help(): Promise<string> {
  const { stdout } = await promisify(execFile)(process.execPath, ['bin/wxvoip-mock.js', '--help'], { cwd: PACKAGE_DIR, env: { ...process.env, WXVOIP_BIN: '' }, encoding: 'utf8' });
  return stdout;
}

/** The inputs recorded on the bundle's first line, and the rest of the bundle. */
function readBundle(): { inputs: Record<string, string | null>; rest: string } {
  const text = readFileSync(BUNDLE, 'utf8');
  expect(text.startsWith(STAMP)).toBe(true);
  const end = text.indexOf('\n');
  return { inputs: JSON.parse(text.slice(STAMP.length, end)) as Record<string, string | null>, rest: text.slice(end) };
}

const stampOf = (path: string) => {
  const stat = statSync(`${PACKAGE_DIR}${path}`);
  return `${stat.size}:${stat.mtimeMs}`;
};

describe('bin/wxvoip-mock.js in the workspace', () => {
  it('keeps its bundle while no input changed, and rebuilds it when one did', async () => {
    expect(await help()).toContain('wxvoip-mock');
    const first = readBundle();
    // Every source the bundle was built from is recorded as it is now, with the launcher and the manifest.
    expect(Object.keys(first.inputs)).toEqual(expect.arrayContaining(['bin/wxvoip-mock.js', 'package.json', 'src/cli/main.ts', 'src/server/createServer.ts']));
    expect(Object.keys(first.inputs).some((path) => path.includes('packages/contracts/src/'))).toBe(true);
    for (const [path, stamp] of Object.entries(first.inputs)) expect(stamp, path).toBe(stampOf(path));

    // Unchanged inputs: the same file is run again, not rewritten.
    const written = statSync(BUNDLE).mtimeMs;
    expect(await help()).toContain('wxvoip-mock');
    expect(statSync(BUNDLE).mtimeMs).toBe(written);

    // An input that is not as recorded (as after an edit): the next start bundles again and records it as it is.
    writeFileSync(BUNDLE, `${STAMP}${JSON.stringify({ ...first.inputs, 'src/cli/parseMockArgs.ts': '1:1' })}${first.rest}`);
    expect(await help()).toContain('wxvoip-mock');
    expect(readBundle().inputs['src/cli/parseMockArgs.ts']).toBe(stampOf('src/cli/parseMockArgs.ts'));
  }, 60_000);
});
