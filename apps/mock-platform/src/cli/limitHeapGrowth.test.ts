import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { DEFAULT_HEAP_GROWING_PERCENT, HEAP_GROWING_ENV, heapGrowthLimitOf } from './limitHeapGrowth.js';

const PACKAGE_DIR = fileURLToPath(new URL('../..', import.meta.url));

/**
 * A process that keeps a ring of 200,000 small objects that turns over (as the journal does under load), in short
 * event-loop turns, and prints the largest size of V8's old space it saw.
 */
const PROGRAM = `
import { getHeapSpaceStatistics } from 'node:v8';
import { heapGrowthLimitOf, limitHeapGrowth } from './src/cli/limitHeapGrowth.ts';
limitHeapGrowth(heapGrowthLimitOf(process.env, process.execArgv));
const oldSpace = () => getHeapSpaceStatistics().find((space) => space.space_name === 'old_space').space_size;
const ring = new Array(200000);
let largest = 0;
for (let turn = 0; turn < 3000; turn++) {
  for (let j = 0; j < 1000; j++) ring[(turn * 1000 + j) % ring.length] = { j, s: 'entry-' + j, body: { sn: 'SN-' + j } };
  if (turn % 50 === 0) largest = Math.max(largest, oldSpace());
  await new Promise((resolve) => setImmediate(resolve));
}
process.stdout.write(String(largest));
`;

async function largestOldSpace(env: Record<string, string>): Promise<number> {
  const { stdout, stderr } = await promisify(execFile)(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', PROGRAM], { cwd: PACKAGE_DIR, env: { ...process.env, ...env }, encoding: 'utf8' });
  expect(stderr).toBe('');
  return Number(stdout);
}

describe('limitHeapGrowth', () => {
  it('keeps the old space of a process whose retained objects turn over smaller than V8 left alone does', async () => {
    const [limited, unlimited] = await Promise.all([largestOldSpace({ [HEAP_GROWING_ENV]: '20' }), largestOldSpace({ [HEAP_GROWING_ENV]: '0' })]);
    expect(limited).toBeGreaterThan(0);
    expect(limited).toBeLessThan(unlimited * 0.8);
  }, 60_000);

  it('reads the limit from WXVOIP_HEAP_GROWING_PERCENT (default 50) and defers to node options that size the old generation', () => {
    expect(heapGrowthLimitOf({}, [])).toEqual({ limited: true, percent: DEFAULT_HEAP_GROWING_PERCENT });
    expect(heapGrowthLimitOf({ [HEAP_GROWING_ENV]: '100' }, [])).toEqual({ limited: true, percent: 100 });
    expect(heapGrowthLimitOf({ [HEAP_GROWING_ENV]: '0' }, [])).toMatchObject({ limited: false });
    expect(heapGrowthLimitOf({ [HEAP_GROWING_ENV]: 'x' }, [])).toMatchObject({ limited: false, invalid: true, reason: expect.stringContaining('x') });
    expect(heapGrowthLimitOf({ [HEAP_GROWING_ENV]: '0' }, [])).not.toHaveProperty('invalid');
    expect(heapGrowthLimitOf({}, ['--max-old-space-size=512'])).toMatchObject({ limited: false });
    expect(heapGrowthLimitOf({ NODE_OPTIONS: '--heap-growing-percent=10' }, [])).toMatchObject({ limited: false });
  });
});
