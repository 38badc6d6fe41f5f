import { WX_ERROR, wxErrorCName, type ErrorDomain, type WxErrorCode, type WxErrorName } from '@wxvoip/contracts';

/** What a {@link WxError} carries besides its code: the platform's answer it was mapped from, if any. */
export interface WxErrorDetails {
  /** Catalogue key of the platform refusal (`DEVICE_NOT_AUTHORIZED`, `SN_TICKET_EXPIRED`, …), when there was one. */
  readonly key?: string;
  /** Catalogue domain of that key (`backend`, `device-sdk`, …). */
  readonly domain?: ErrorDomain;
  /** The platform's errcode (a backend code such as 9, as the SDK log shows `device/call fail: 9`). */
  readonly platformCode?: number;
  /** The underlying failure (a network error, a zod error, a file-system error). */
  readonly cause?: unknown;
}

/**
 * A failed SDK call: a `wx_error_t` (D §7.3) with its name, what went wrong, why and how to fix it. Operations
 * reject with it; synchronous calls throw it. `code` is the number the C SDK returns, `errorName` its name.
 *
 * @example
 * try { await device.deviceRegister(ticket); } catch (e) { if (e instanceof WxError && e.code === WX_ERROR.ALREADY_EXISTS) skip(); }
 */
export class WxError extends Error {
  override readonly name = 'WxError';
  /** The `wx_error_t` number, e.g. 3 for `WXERROR_INVALID_ARGUMENT`. */
  readonly code: WxErrorCode;
  /** The `wx_error_t` name, e.g. `'INVALID_ARGUMENT'`. */
  readonly errorName: WxErrorName;
  /** Catalogue key of the platform answer this error maps, if any. */
  readonly key: string | undefined;
  /** Catalogue domain of {@link WxError.key}. */
  readonly domain: ErrorDomain | undefined;
  /** The platform's own errcode (e.g. backend 9), if any. */
  readonly platformCode: number | undefined;

  constructor(errorName: Exclude<WxErrorName, 'OK'>, message: string, details: WxErrorDetails = {}) {
    super(`[wxvoip/device-linux] ${wxErrorCName(errorName)}: ${message}`, details.cause === undefined ? undefined : { cause: details.cause });
    this.errorName = errorName;
    this.code = WX_ERROR[errorName];
    this.key = details.key;
    this.domain = details.domain;
    this.platformCode = details.platformCode;
  }
}

/** True when `value` is a {@link WxError}. */
export function isWxError(value: unknown): value is WxError {
  return value instanceof WxError;
}
