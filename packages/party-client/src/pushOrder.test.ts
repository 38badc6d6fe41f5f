import { describe, expect, it } from 'vitest';
import { LAST_SEQ, PushOrder } from './pushOrder.js';

function order() {
  const handed: number[] = [];
  const o = new PushOrder<{ seq: number }>((item) => handed.push(item.seq));
  return { o, handed };
}

describe('PushOrder (ADR 0026)', () => {
  it('hands a push over at once when no request is in flight', () => {
    const { o, handed } = order();
    o.arrive({ seq: 2 });
    expect(handed).toEqual([2]);
    expect(o.receivedSeq).toBe(2);
  });

  it('holds the pushes that arrive while a request is in flight, and hands them over in seq order once it ends', () => {
    const { o, handed } = order();
    o.begin();
    o.arrive({ seq: 5 });
    o.arrive({ seq: 4 });
    expect(handed).toEqual([]);
    expect(o.heldCount).toBe(2);
    o.end();
    expect(handed).toEqual([4, 5]);
    expect(o.heldCount).toBe(0);
  });

  it('keeps holding until the last of concurrent requests ends', () => {
    const { o, handed } = order();
    o.begin();
    o.begin();
    o.arrive({ seq: 3 });
    o.end();
    expect(handed).toEqual([]);
    o.end();
    expect(handed).toEqual([3]);
  });

  it('stops handing over when a handler sends a request, and carries on after it', () => {
    const handed: number[] = [];
    const o: PushOrder<{ seq: number }> = new PushOrder((item) => {
      handed.push(item.seq);
      if (item.seq === 1) o.begin();
    });
    o.begin();
    o.arrive({ seq: 1 });
    o.arrive({ seq: 2 });
    o.end();
    expect(handed).toEqual([1]);
    o.end();
    expect(handed).toEqual([1, 2]);
  });

  it('catchUp waits for the answer’s push seq on an open channel, and not otherwise', async () => {
    const { o } = order();
    let caughtUp = false;
    await o.catchUp(7); // channel closed: no wait
    o.setChannelOpen(true);
    await o.catchUp(null); // no seq stated: no wait
    const waiting = o.catchUp(7).then(() => {
      caughtUp = true;
    });
    o.received(6);
    await Promise.resolve();
    expect(caughtUp).toBe(false);
    o.received(7);
    await waiting;
    expect(caughtUp).toBe(true);
  });

  it('catchUp ends when the channel closes (a dropped socket never delivers the push)', async () => {
    const { o } = order();
    o.setChannelOpen(true);
    const waiting = o.catchUp(9);
    o.setChannelOpen(false);
    await expect(waiting).resolves.toBeUndefined();
  });

  it('a channel end without bye comes after every held push', () => {
    const { o, handed } = order();
    o.begin();
    o.arrive({ seq: LAST_SEQ });
    o.arrive({ seq: 8 });
    o.end();
    expect(handed).toEqual([8, LAST_SEQ]);
    expect(o.receivedSeq).toBe(8);
  });
});
