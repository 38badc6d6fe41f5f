/**
 * What a talking room allocates in the platform core per second of platform time (issue 19), in bytes, measured in a
 * process of its own with V8's sampling heap profiler (every object counted, whether a minor or a major GC collected
 * it; sampling made regular by `--sampling-heap-profiler-suppress-randomness`). Not a time: a byte count. At 10,000
 * rooms every byte a tick allocates is 10,000 bytes a second that V8 must collect, and what lives past a scavenge (a
 * tick's timer, its label, its callback) is promoted and grows the old generation the heap limit is computed from.
 * Used by `roomEngine.churn.test.ts`:
 * `node --sampling-heap-profiler-suppress-randomness --conditions=@wxvoip/source --import tsx test/support/talkingRoomChurn.ts ROOMS`
 * prints `{"perRoomSecond": bytes, "active": rooms, "pushes": n}`.
 */
import { Session } from 'node:inspector';
import { pathToFileURL } from 'node:url';
import { talkingRooms } from './talkingRooms.js';

interface SamplingNode {
  selfSize: number;
  children: SamplingNode[];
}

function totalSize(node: SamplingNode): number {
  return node.children.reduce((sum, child) => sum + totalSize(child), node.selfSize);
}

function post<T>(session: Session, method: string, params?: object): T {
  let result: T | undefined;
  let failure: Error | null = null;
  // The in-process inspector session answers synchronously.
  session.post(method, params ?? {}, (error, value) => {
    failure = error;
    result = value as T;
  });
  if (failure) throw failure;
  return result as T;
}

/**
 * Bytes allocated per talking room and per second of platform time while `rooms` phone → doorbell calls talk for one
 * minute (60 `calling` ticks to each phone, a ping every 10 s to every party, answered), after `warmUp` rooms talked
 * for a minute (compiled code, the journal filled to its bound). The sinks keep nothing but the last ping's seq.
 */
export function talkingRoomChurn(rooms: number, warmUp = 100): { perRoomSecond: number; active: number; pushes: number } {
  let pushes = 0;
  const { tenant, talk, answerPings } = talkingRooms('wx-churn', warmUp + rooms, () => {
    pushes++;
  });
  // One second at a time, as a real clock wakes up for each room's tick.
  const talkFor = (ms: number): void => {
    for (let elapsed = 1000; elapsed <= ms; elapsed += 1000) {
      tenant.state.clock.advance(1000);
      if (elapsed % 10_000 === 0) answerPings();
    }
  };

  for (let i = 0; i < warmUp; i++) talk(i);
  talkFor(60_000);
  for (let i = warmUp; i < warmUp + rooms; i++) talk(i);
  talkFor(10_000);
  const session = new Session();
  session.connect();
  post(session, 'HeapProfiler.startSampling', { samplingInterval: 256, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
  pushes = 0;
  talkFor(60_000);
  const { profile } = post<{ profile: { head: SamplingNode } }>(session, 'HeapProfiler.stopSampling');
  session.disconnect();
  const active = tenant.rooms.activeCount;
  tenant.shutdown('shutdown');
  return { perRoomSecond: totalSize(profile.head) / ((warmUp + rooms) * 60), active, pushes };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.stdout.write(`${JSON.stringify(talkingRoomChurn(Number(process.argv[2] ?? 600)))}\n`);
}
