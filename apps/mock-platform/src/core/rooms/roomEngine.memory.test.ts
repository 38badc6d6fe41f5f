/**
 * Issue 19 (10,000 talking rooms under 400 MB): what a talking room holds in the platform core, counted in heap bytes
 * after a full garbage collection in a process of its own (test/support/talkingRoomHeap.ts), not timed. Two parties
 * with their push channels attached and one room, talking for one minute of platform time. A room that kept what it
 * already sent (pushes after delivery, `calling` ticks on its timeline, timers that were re-armed) grows by kilobytes
 * per minute and fails the bound; the bound is under twice what a room holds today (4.6 KB).
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';

const ROOMS = 600;
/** Bytes of heap one talking room (its two parties and their channel state included) may hold. */
const BOUND_PER_ROOM = 8 * 1024;
const PACKAGE_DIR = fileURLToPath(new URL('../../..', import.meta.url));

it(`a talking room with its two push channels holds less than ${BOUND_PER_ROOM / 1024} KB of heap, however long it talks`, async () => {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--expose-gc', '--conditions=@wxvoip/source', '--import', 'tsx', 'test/support/talkingRoomHeap.ts', String(ROOMS)],
    { cwd: PACKAGE_DIR, encoding: 'utf8', timeout: 60_000 },
  );
  const { perRoom, active } = JSON.parse(stdout) as { perRoom: number; active: number };
  expect(active).toBe(100 + ROOMS);
  expect(perRoom).toBeGreaterThan(0);
  expect(perRoom).toBeLessThan(BOUND_PER_ROOM);
}, 60_000);
