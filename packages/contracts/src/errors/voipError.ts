import type { VoipErrorKey } from './catalogue.js';

/** The `name` of each class of the VoipError family. */
export type VoipErrorName = 'VoipError' | 'VoipCgiError' | 'VoipJoinError' | 'VoipPluginError';

const VOIP_ERROR_NAMES: ReadonlySet<string> = new Set<VoipErrorName>(['VoipError', 'VoipCgiError', 'VoipJoinError', 'VoipPluginError']);

/** Constructor input of `VoipError`, `VoipCgiError` and `VoipPluginError`. */
export interface VoipErrorInit {
  /** The plugin's error code (P §6.2 / §6.3). */
  readonly errCode: number;
  /** WeChat's error message. */
  readonly errMsg: string;
  /** Base-library errno; 0 when the error did not come from a base-library call (our choice, P §6.1 gives no default). */
  readonly errno?: number;
  /** The wrapped original error, if any. */
  readonly cause?: unknown;
  /** `Error.message`; defaults to `errMsg`. Keep `errMsg` as its first line: code that logs `message` expects it. */
  readonly message?: string;
  /** The catalogue key of `errCode` (a wxvoip extension, not a WeChat field). */
  readonly key?: VoipErrorKey;
  /** What to do about it (a wxvoip extension, not a WeChat field): the catalogue's "what to do" text. */
  readonly fix?: string;
}

/** Constructor input of `VoipJoinError`. */
export interface VoipJoinErrorInit extends VoipErrorInit {
  /** Extra information from the failed `wx.joinVoipChat`; defaults to `''`. */
  readonly extErrMsg?: string;
  /** The errType of the failed `wx.joinVoipChat`; defaults to 0 (our choice). */
  readonly errType?: number;
}

/**
 * Base class of the plugin's errors (plugin >= 2.4.0, P §6.1): `errCode`, `errMsg`, `errno` and `cause`.
 * Sets its prototype explicitly, so `instanceof` works for every subclass even when compiled down to ES5.
 *
 * @example
 * try { await wmpfVoip.callDevice(req); } catch (e) { if (e instanceof VoipError) console.log(e.errCode, e.errMsg); }
 */
export class VoipError extends Error {
  /** The class name. */
  override readonly name: VoipErrorName = 'VoipError';
  /** The plugin's error code. */
  readonly errCode: number;
  /** WeChat's error message. */
  readonly errMsg: string;
  /** Base-library errno (0 when not applicable). */
  readonly errno: number;
  /** The wrapped original error. */
  override readonly cause: unknown;
  /** The catalogue key of `errCode`, when known (wxvoip extension). */
  readonly key: VoipErrorKey | undefined;
  /** What to do about it, when known (wxvoip extension; the same text as docs/errors.md's "what to do"). */
  readonly fix: string | undefined;

  /** Creates the error; `message` defaults to `errMsg`. */
  constructor(init: VoipErrorInit) {
    super(init.message ?? init.errMsg, init.cause === undefined ? undefined : { cause: init.cause });
    // Compiled to ES5, `super()` returns a plain Error; `new.target` is the concrete subclass, so this one call
    // restores the prototype chain for VoipError and every subclass.
    Object.setPrototypeOf(this, new.target.prototype);
    this.errCode = init.errCode;
    this.errMsg = init.errMsg;
    this.errno = init.errno ?? 0;
    this.cause = init.cause;
    this.key = init.key;
    this.fix = init.fix;
  }
}

/** A failed backend (CGI) request: backend codes 1–24 and plugin codes 1002/1003 (P §6.1; mapping P §12.4 [I]). */
export class VoipCgiError extends VoipError {
  /** The class name. */
  override readonly name: VoipErrorName = 'VoipCgiError';
}

/** A failed room join (codes 2000–2104), with the `wx.joinVoipChat` details `extErrMsg` and `errType` (P §6.1). */
export class VoipJoinError extends VoipError {
  /** The class name. */
  override readonly name: VoipErrorName = 'VoipJoinError';
  /** Extra information from the failed `wx.joinVoipChat` (useful to WeChat support). */
  readonly extErrMsg: string;
  /** The errType of the failed `wx.joinVoipChat`. */
  readonly errType: number;

  /** Creates the error; `extErrMsg` defaults to `''` and `errType` to 0. */
  constructor(init: VoipJoinErrorInit) {
    super(init);
    this.extErrMsg = init.extErrMsg ?? '';
    this.errType = init.errType ?? 0;
  }
}

/** Any other plugin error: arguments, host, busy, interruption (P §6.1). */
export class VoipPluginError extends VoipError {
  /** The class name. */
  override readonly name: VoipErrorName = 'VoipPluginError';
}

/**
 * True for any `VoipError` (or subclass). Also accepts a structurally identical error from another copy of this
 * package or another JS realm: an object whose `name` is a VoipError class name with numeric `errCode` and
 * string `errMsg`.
 *
 * @example
 * if (isVoipError(e) && e.errCode === 1005) await waitForEnd();
 */
export function isVoipError(value: unknown): value is VoipError {
  if (value instanceof VoipError) return true;
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as { name?: unknown; errCode?: unknown; errMsg?: unknown };
  return (
    typeof candidate.name === 'string' &&
    VOIP_ERROR_NAMES.has(candidate.name) &&
    typeof candidate.errCode === 'number' &&
    typeof candidate.errMsg === 'string'
  );
}
