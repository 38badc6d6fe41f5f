/**
 * Issue 19 (10,000 talking rooms under 400 MB): what a talking room allocates in the platform core per second of
 * platform time, in bytes counted by V8's sampling heap profiler in a process of its own
 * (test/support/talkingRoomChurn.ts), not timed. Each room ticks `calling` to its phone every second and pings both
 * parties every 10 s; at 10,000 rooms every byte of a tick is 10,000 bytes a second, and what outlives a scavenge
 * is promoted and raises the old generation's limit (ADR 0041). A tick that copies its push with a spread (about
 * 600 bytes), builds a label and callbacks per tick, or builds a fault context with no fault set allocated 3.1 KB per
 * room and second; 0.6 KB today. The bound is about two and a half times today's.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';

const ROOMS = 600;
/** Bytes a talking room may allocate in the core per second of platform time. */
const BOUND_PER_ROOM_SECOND = 1536;
const PACKAGE_DIR = fileURLToPath(new URL('../../..', import.meta.url));

it(`a talking room allocates less than ${BOUND_PER_ROOM_SECOND} bytes a second in the core`, async () => {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--sampling-heap-profiler-suppress-randomness', '--conditions=@wxvoip/source', '--import', 'tsx', 'test/support/talkingRoomChurn.ts', String(ROOMS)],
    { cwd: PACKAGE_DIR, encoding: 'utf8', timeout: 60_000 },
  );
  const { perRoomSecond, active, pushes } = JSON.parse(stdout) as { perRoomSecond: number; active: number; pushes: number };
  expect(active).toBe(100 + ROOMS);
  // A minute of one `calling` push to each phone a second and a ping every 10 s to each of the two parties.
  expect(pushes).toBeGreaterThanOrEqual((100 + ROOMS) * (60 + 12));
  expect(perRoomSecond).toBeGreaterThan(0);
  expect(perRoomSecond).toBeLessThan(BOUND_PER_ROOM_SECOND);
}, 60_000);
