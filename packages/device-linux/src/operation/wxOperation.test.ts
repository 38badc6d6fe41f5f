import { WX_ERROR } from '@wxvoip/contracts';
import { describe, expect, it } from 'vitest';
import { WxError } from '../errors/wxError.js';
import { wxResult } from '../errors/wxResult.js';
import { WxOperation, type OperationTracker } from './wxOperation.js';

/** Work that finishes when the test says so, and notices when it is aborted. */
function controllable<T>() {
  let finish!: (value: T) => void;
  let fail!: (error: unknown) => void;
  let aborted = false;
  const run = (signal: AbortSignal) =>
    new Promise<T>((resolve, reject) => {
      finish = resolve;
      fail = reject;
      signal.addEventListener('abort', () => (aborted = true));
    });
  return { run, finish: (value: T) => finish(value), fail: (error: unknown) => fail(error), aborted: () => aborted };
}

function tracker(): OperationTracker & { live: Set<string> } {
  const live = new Set<string>();
  return { live, opened: (op) => void live.add(op.label), released: (op) => void live.delete(op.label) };
}

describe('WxOperation (wx_operation_t as a promise)', () => {
  it('await is wx_operation_await: it resolves with the result and releases the operation', async () => {
    const work = controllable<string>();
    const track = tracker();
    const op = new WxOperation('wx_voip_session_call', work.run, { tracker: track });
    expect(track.live).toEqual(new Set(['wx_voip_session_call']));
    setTimeout(() => work.finish('room-1'), 0);
    expect(await op).toBe('room-1');
    expect(op.release).toBe('await');
    expect(track.live.size).toBe(0);
    expect(await op).toBe('room-1');
  });

  it('wait(ms) answers TIMEOUT and keeps the operation alive; waiting again gets the result', async () => {
    const work = controllable<number>();
    const op = new WxOperation('wx_init', work.run);
    expect(await wxResult(op.wait(5))).toBe(WX_ERROR.TIMEOUT);
    expect(op.release).toBeUndefined();
    const again = op.wait(0);
    work.finish(7);
    expect(await again).toBe(7);
    expect(op.release).toBe('await');
  });

  it('cancel() aborts the work, releases the operation, and awaiting it then gives CANCELLED', async () => {
    const work = controllable<void>();
    const op = new WxOperation('wx_device_register', work.run);
    op.cancel();
    expect(work.aborted()).toBe(true);
    expect(op.release).toBe('cancel');
    expect(await wxResult(op)).toBe(WX_ERROR.CANCELLED);
  });

  it('an aborted AbortSignal cancels, even after the caller started awaiting', async () => {
    const work = controllable<void>();
    const controller = new AbortController();
    const op = new WxOperation('wx_voip_listener_join', work.run, { signal: controller.signal });
    const result = wxResult(op);
    controller.abort();
    expect(await result).toBe(WX_ERROR.CANCELLED);
    expect(work.aborted()).toBe(true);
    const already = new WxOperation('wx_init', controllable<void>().run, { signal: AbortSignal.abort() });
    expect(await wxResult(already)).toBe(WX_ERROR.CANCELLED);
  });

  it('destroy() releases without waiting: the work goes on, its result (even a failure) is lost', async () => {
    const work = controllable<void>();
    const track = tracker();
    const op = new WxOperation('wx_voip_session_hangup', work.run, { tracker: track });
    op.destroy();
    expect(track.live.size).toBe(0);
    expect(work.aborted()).toBe(false);
    work.fail(new WxError('INTERNAL', 'lost'));
    await expect.poll(() => op.done).toBe(true);
  });

  it('exactly one of await, cancel, destroy: a second, different release is FAILED_PRECONDITION', async () => {
    const done = new WxOperation('a', async () => 1);
    await done;
    expect(() => done.cancel()).toThrow(expect.objectContaining({ code: WX_ERROR.FAILED_PRECONDITION }));
    expect(() => done.destroy()).toThrow(/already released by await/);

    const destroyed = new WxOperation('b', async () => 1);
    destroyed.destroy();
    expect(await wxResult(destroyed)).toBe(WX_ERROR.FAILED_PRECONDITION);
    expect(await wxResult(destroyed.wait(10))).toBe(WX_ERROR.FAILED_PRECONDITION);
    expect(() => destroyed.cancel()).toThrow(WxError);

    const cancelled = new WxOperation('c', controllable<void>().run);
    cancelled.cancel();
    expect(() => cancelled.cancel()).toThrow(/already released by cancel/);
  });

  it('wxResult gives 0 for success and rethrows what is not a WxError', async () => {
    expect(await wxResult(new WxOperation('ok', async () => undefined))).toBe(WX_ERROR.OK);
    await expect(wxResult(new WxOperation('bug', async () => Promise.reject(new TypeError('bug'))))).rejects.toThrow(TypeError);
  });
});
