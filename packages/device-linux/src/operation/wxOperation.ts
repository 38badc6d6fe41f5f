import { WxError } from '../errors/wxError.js';

/** How an operation was released: exactly one of these per operation (D §1.6). */
export type OperationRelease = 'await' | 'cancel' | 'destroy';

/** Where an operation reports its life, so `stop()` can find the ones never released (the SDK's leak check). */
export interface OperationTracker {
  opened(operation: WxOperation<unknown>): void;
  released(operation: WxOperation<unknown>): void;
}

/** Options of a {@link WxOperation}. */
export interface WxOperationOptions {
  /** Aborting it cancels the operation, like `wx_operation_cancel`. */
  readonly signal?: AbortSignal | undefined;
  /** Receives open/release notices (the device passes itself). */
  readonly tracker?: OperationTracker | undefined;
}

/**
 * The SDK's `wx_operation_t` (D §1.6) as a promise. Each asynchronous SDK call returns one, and the caller must do
 * exactly one of:
 *
 * | C                                      | here                                                      |
 * |----------------------------------------|-----------------------------------------------------------|
 * | `wx_operation_await(op, cb, data)`     | `await op` / `op.then(…)`                                 |
 * | `wx_operation_wait(op, 0)`             | `await op.wait()`                                         |
 * | `wx_operation_wait(op, ms)`            | `await op.wait(ms)`: `WXERROR_TIMEOUT` keeps `op` alive    |
 * | `wx_operation_cancel(op)`              | `op.cancel()`, or abort the `signal` passed to the call   |
 * | `wx_operation_destroy(op)`             | `op.destroy()`: the work goes on, its result is lost      |
 *
 * A second, different release (cancel after await, await after destroy, …) is refused with
 * `WXERROR_FAILED_PRECONDITION`; one never released is reported by `stop()` as "Detected memory leak: wx_operation".
 *
 * @example
 * const op = device.deviceRegister(ticket);
 * try { await op.wait(5000); } catch (e) { if (e.code === WX_ERROR.TIMEOUT) op.cancel(); }
 */
export class WxOperation<T> implements PromiseLike<T> {
  private readonly controller = new AbortController();
  private readonly result: Promise<T>;
  private releasedBy: OperationRelease | undefined;
  private settled = false;

  constructor(
    /** The SDK call this operation runs, e.g. `wx_device_register`. */
    readonly label: string,
    run: (signal: AbortSignal) => Promise<T>,
    private readonly options: WxOperationOptions = {},
  ) {
    options.tracker?.opened(this);
    const cancelled = new Promise<never>((_, reject) =>
      this.controller.signal.addEventListener('abort', () => reject(new WxError('CANCELLED', `${label} was cancelled (wx_operation_cancel)`)), { once: true }),
    );
    const external = options.signal;
    // An aborted signal cancels the work even after the caller awaited it: that is how a promise is cancelled.
    if (external?.aborted) this.abortFromSignal();
    else external?.addEventListener('abort', () => this.abortFromSignal(), { once: true });
    this.result = Promise.race([this.controller.signal.aborted ? cancelled : run(this.controller.signal), cancelled]).finally(() => {
      this.settled = true;
    });
    this.result.catch(() => undefined);
    cancelled.catch(() => undefined);
  }

  /** How the operation was released, or `undefined` while the caller still owes one release. */
  get release(): OperationRelease | undefined {
    return this.releasedBy;
  }

  /** True once the work finished (whatever its result). */
  get done(): boolean {
    return this.settled;
  }

  /** `wx_operation_await`: the result, as a promise. Calling it again after an await is allowed (same result). */
  then<R1 = T, R2 = never>(onFulfilled?: ((value: T) => R1 | PromiseLike<R1>) | null, onRejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null): Promise<R1 | R2> {
    if (this.releasedBy === 'destroy') return Promise.reject(this.refusal('await')).then(onFulfilled, onRejected);
    this.mark('await');
    return this.result.then(onFulfilled, onRejected);
  }

  /** `await op` with a rejection handler: `op.catch(handler)` is `op.then(undefined, handler)`. */
  catch<R = never>(onRejected: (reason: unknown) => R | PromiseLike<R>): Promise<T | R> {
    return this.then(undefined, onRejected);
  }

  /**
   * `wx_operation_wait(op, timeoutMs)`: the result, or `WXERROR_TIMEOUT` after `timeoutMs` (0 = no limit). A timeout
   * leaves the operation alive: wait again, cancel or destroy it. Any other outcome releases it.
   */
  wait(timeoutMs = 0): Promise<T> {
    if (this.releasedBy === 'destroy') return Promise.reject(this.refusal('wait'));
    if (timeoutMs <= 0 || this.settled) return this.then((value) => value);
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => reject(new WxError('TIMEOUT', `${this.label} did not finish within ${timeoutMs} ms; it is still running: wait again, cancel() or destroy() it`)), timeoutMs);
      this.result.then(
        (value) => {
          clearTimeout(timer);
          this.mark('await');
          resolve(value);
        },
        (error: unknown) => {
          clearTimeout(timer);
          this.mark('await');
          reject(error);
        },
      );
    });
  }

  /** `wx_operation_cancel`: stops the work (its request is aborted) and releases the operation; awaiting it then gives `WXERROR_CANCELLED`. */
  cancel(): void {
    if (this.releasedBy !== undefined) throw this.refusal('cancel');
    this.mark('cancel');
    if (!this.settled) this.controller.abort();
  }

  /** `wx_operation_destroy`: releases the operation without waiting; the work goes on and its result is lost. */
  destroy(): void {
    if (this.releasedBy !== undefined) throw this.refusal('destroy');
    this.mark('destroy');
  }

  private abortFromSignal(): void {
    this.mark('cancel');
    if (!this.settled) this.controller.abort();
  }

  private mark(release: OperationRelease): void {
    if (this.releasedBy !== undefined) return;
    this.releasedBy = release;
    this.options.tracker?.released(this);
  }

  private refusal(action: string): WxError {
    return new WxError(
      'FAILED_PRECONDITION',
      `${action}() on ${this.label}, which was already released by ${this.releasedBy ?? 'nothing'}(): a wx_operation takes exactly one of await, wait, cancel or destroy (D §1.6)`,
    );
  }
}
