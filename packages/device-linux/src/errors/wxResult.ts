import { WX_ERROR, wxErrorCName, wxErrorName, type WxErrorCode } from '@wxvoip/contracts';
import { WxError } from './wxError.js';

/**
 * The `wx_error_t` an SDK call ends with, the C way: `0` (`WX_ERROR.OK`) on success, the error's code otherwise.
 * Anything thrown that is not a {@link WxError} is rethrown (a bug, not an SDK result).
 *
 * @example
 * const result = await wxResult(device.deviceRegister(ticket));
 * if (result === WX_ERROR.ALREADY_EXISTS) console.log('registered before');
 */
export async function wxResult(operation: PromiseLike<unknown>): Promise<WxErrorCode> {
  try {
    await operation;
    return WX_ERROR.OK;
  } catch (error) {
    if (error instanceof WxError) return error.code;
    throw error;
  }
}

/** The `WXERROR_<NAME>` spelling of a result code, for logs: `wxResultName(7)` → `'WXERROR_PERMISSION_DENIED'`. */
export function wxResultName(code: number): string {
  const name = wxErrorName(code);
  return name === undefined ? `unknown wx_error_t ${code}` : wxErrorCName(name);
}
