import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SEMI_SPACE_MB, SEMI_SPACE_ENV, youngGenerationCapOf } from './capYoungGeneration.js';

const PACKAGE_DIR = fileURLToPath(new URL('../..', import.meta.url));
const MB = 1024 * 1024;

/**
 * A process that keeps a ring of 50,000 small objects (as the journal keeps entries) while allocating garbage, in
 * short event-loop turns as a server does, and prints the size of V8's new space before the cap and at the end.
 */
const PROGRAM = `
import { getHeapSpaceStatistics } from 'node:v8';
import { capYoungGeneration, youngGenerationCapOf } from './src/cli/capYoungGeneration.ts';
const newSpace = () => getHeapSpaceStatistics().find((space) => space.space_name === 'new_space').space_size;
const before = newSpace();
capYoungGeneration(youngGenerationCapOf(process.env, process.execArgv));
const ring = new Array(50000);
let junk;
for (let turn = 0; turn < 6000; turn++) {
  for (let j = 0; j < 500; j++) { junk = { j, list: [j] }; ring[(turn * 500 + j) % ring.length] = { j, s: 'x' + j }; }
  await new Promise((resolve) => setImmediate(resolve));
}
process.stdout.write(JSON.stringify({ before, after: newSpace() }));
`;

async function newSpaceAfterLoad(env: Record<string, string>): Promise<{ before: number; after: number }> {
  const { stdout, stderr } = await promisify(execFile)(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', PROGRAM], { cwd: PACKAGE_DIR, env: { ...process.env, ...env }, encoding: 'utf8' });
  expect(stderr).toBe('');
  return JSON.parse(stdout) as { before: number; after: number };
}

describe('capYoungGeneration', () => {
  it("stops the new space's growth at the cap in a process that retains what it handles; 0 leaves V8's growth", async () => {
    const [capped, uncapped] = await Promise.all([newSpaceAfterLoad({ [SEMI_SPACE_ENV]: '2' }), newSpaceAfterLoad({ [SEMI_SPACE_ENV]: '0' })]);
    // The loader (tsx) may have grown the new space before the cap is set; from then on it grows no further.
    expect(capped.before).toBeGreaterThan(0);
    expect(capped.after).toBeLessThanOrEqual(Math.max(capped.before, 2 * 2 * MB));
    expect(uncapped.after).toBeGreaterThan(Math.max(uncapped.before, 2 * 2 * MB));
  }, 30_000);

  it('reads the cap from WXVOIP_MAX_SEMI_SPACE_MB (default 8) and defers to node options that size the young generation', () => {
    expect(youngGenerationCapOf({}, [])).toEqual({ capped: true, semiSpaceMb: DEFAULT_SEMI_SPACE_MB });
    expect(youngGenerationCapOf({ [SEMI_SPACE_ENV]: '12' }, [])).toEqual({ capped: true, semiSpaceMb: 12 });
    expect(youngGenerationCapOf({ [SEMI_SPACE_ENV]: '0' }, [])).toMatchObject({ capped: false });
    expect(youngGenerationCapOf({ [SEMI_SPACE_ENV]: 'lots' }, [])).toMatchObject({ capped: false, invalid: true, reason: expect.stringContaining('lots') });
    expect(youngGenerationCapOf({ [SEMI_SPACE_ENV]: '0' }, [])).not.toHaveProperty('invalid');
    expect(youngGenerationCapOf({}, ['--max-semi-space-size=32'])).toMatchObject({ capped: false });
    expect(youngGenerationCapOf({ NODE_OPTIONS: '--max-semi-space-size=4' }, [])).toMatchObject({ capped: false });
  });
});
