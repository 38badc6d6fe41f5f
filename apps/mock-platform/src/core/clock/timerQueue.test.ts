import { describe, expect, it } from 'vitest';
import { TimerQueue, type QueuedTimer } from './timerQueue.js';

function timer(dueAt: number, seq: number, run: () => void = () => undefined): QueuedTimer {
  return { dueAt, seq, label: `t${seq}`, run, active: true };
}

/** A small deterministic generator (the suite stays reproducible). */
function lcg(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
}

describe('TimerQueue', () => {
  it('holds no backlog of cancelled timers: a timer re-armed 10,000 times (a heartbeat) leaves at most 64 entries', () => {
    const queue = new TimerQueue();
    let current = timer(30_000, 0);
    queue.push(current);
    for (let seq = 1; seq <= 10_000; seq++) {
      queue.cancel(current);
      current = timer(30_000 + seq, seq);
      queue.push(current);
    }
    expect(queue.size).toBe(1);
    expect(queue.held).toBeLessThanOrEqual(65);
    expect(queue.popDue(Infinity)).toBe(current);
  });

  it('with many live timers, cancelled ones never outnumber them by more than one rebuild', () => {
    const queue = new TimerQueue();
    const live = Array.from({ length: 1_000 }, (_, i) => timer(i, i));
    for (const t of live) queue.push(t);
    for (let seq = 1_000; seq < 5_000; seq++) {
      const index = seq % live.length;
      queue.cancel(live[index]!);
      live[index] = timer(seq, seq);
      queue.push(live[index]);
    }
    expect(queue.size).toBe(1_000);
    expect(queue.held).toBeLessThanOrEqual(2_001);
  });

  it('a cancelled timer lets go of its callback (and what the callback closes over)', () => {
    const queue = new TimerQueue();
    const callback = (): void => undefined;
    const t = timer(10, 0, callback);
    queue.push(t);
    expect(queue.cancel(t)).toBe(true);
    expect(t.run).not.toBe(callback);
    expect(queue.cancel(t)).toBe(false);
  });

  it('pops active timers in (dueAt, insertion) order through random pushes, cancels and compactions', () => {
    const random = lcg(19);
    const queue = new TimerQueue();
    const all: QueuedTimer[] = [];
    for (let seq = 0; seq < 3_000; seq++) {
      const t = timer(Math.floor(random() * 500), seq);
      queue.push(t);
      all.push(t);
      if (random() < 0.6) queue.cancel(all[Math.floor(random() * all.length)]!);
    }
    const expected = all.filter((t) => t.active).sort((a, b) => a.dueAt - b.dueAt || a.seq - b.seq);
    expect(queue.list()).toEqual(expected);
    const popped: QueuedTimer[] = [];
    for (let t = queue.popDue(250); t; t = queue.popDue(250)) popped.push(t);
    expect(popped).toEqual(expected.filter((t) => t.dueAt <= 250));
    expect(queue.size).toBe(expected.length - popped.length);
  });
});
