/**
 * What a talking room holds in the platform core, in heap bytes after a full GC (issue 19), measured in a process of
 * its own so that nothing else's garbage or compiled code moves the count. Used by `roomEngine.memory.test.ts`:
 * `node --expose-gc --conditions=@wxvoip/source --import tsx test/support/talkingRoomHeap.ts ROOMS` prints
 * `{"perRoom": bytes, "active": rooms}`.
 */
import { pathToFileURL } from 'node:url';
import { talkingRooms } from './talkingRooms.js';

function heapUsed(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with --expose-gc');
  for (let i = 0; i < 3; i++) gc();
  return process.memoryUsage().heapUsed;
}

/**
 * Heap bytes per talking room: `rooms` phone → doorbell calls, each with both parties' channels attached, talking for
 * one minute of platform time (60 `calling` ticks to the phone, pings every 10 s answered on both channels), after
 * `warmUp` rooms did the same (compiled code, the journal filled to its bound).
 */
export function talkingRoomHeap(rooms: number, warmUp = 100): { perRoom: number; active: number } {
  // Like a channel: the sink keeps only the seq of the last ping, which is answered after each clock step.
  const { tenant, talk, answerPings } = talkingRooms('wx-mem', warmUp + rooms);
  const talkFor = (ms: number): void => {
    for (let elapsed = 0; elapsed < ms; elapsed += 10_000) {
      tenant.state.clock.advance(10_000);
      answerPings();
    }
  };

  for (let i = 0; i < warmUp; i++) talk(i);
  talkFor(60_000);
  const before = heapUsed();
  for (let i = warmUp; i < warmUp + rooms; i++) talk(i);
  talkFor(60_000);
  const perRoom = (heapUsed() - before) / rooms;
  const active = tenant.rooms.activeCount;
  tenant.shutdown('shutdown');
  return { perRoom, active };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.stdout.write(`${JSON.stringify(talkingRoomHeap(Number(process.argv[2] ?? 600)))}\n`);
}
