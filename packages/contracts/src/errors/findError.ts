import { ERROR_CATALOGUE } from './catalogue.js';
import type {
  CatalogueEntry,
  DeviceSdkErrorKey,
  ErrorCodeOf,
  ErrorEntryByKey,
  ErrorEntryInDomain,
  PluginEventErrMsg,
} from './catalogue.js';
import type { CodedErrorDomain } from './errorEntry.js';

const BY_KEY: ReadonlyMap<string, CatalogueEntry> = new Map(ERROR_CATALOGUE.map((entry) => [entry.key, entry]));
const BY_DOMAIN_CODE: ReadonlyMap<string, CatalogueEntry> = new Map(
  ERROR_CATALOGUE.filter((entry) => entry.code !== null).map((entry) => [`${entry.domain}:${String(entry.code)}`, entry]),
);

/**
 * Finds the entry of a numbered code in one domain. A known literal code returns its exact entry type; any other
 * number (for example one read off the wire) returns the domain's entry or `undefined`.
 *
 * @example
 * findError('backend', 9)?.key;         // 'DEVICE_NOT_AUTHORIZED'
 * findError('device-sdk', 9)?.key;      // 'WXERROR_FAILED_PRECONDITION'
 * findError('server-api', 12345);       // undefined
 */
export function findError<D extends CodedErrorDomain, C extends ErrorCodeOf<D>>(
  domain: D,
  code: C,
): Extract<ErrorEntryInDomain<D>, { code: C }>;
export function findError<D extends CodedErrorDomain>(domain: D, code: number): ErrorEntryInDomain<D> | undefined;
export function findError(domain: CodedErrorDomain, code: number): CatalogueEntry | undefined {
  return BY_DOMAIN_CODE.get(`${domain}:${String(code)}`);
}

/**
 * Returns the entry of a catalogue key; only known keys type-check.
 *
 * @example
 * errorByKey('PLUGIN_BUSY').code; // 1005
 */
export function errorByKey<K extends CatalogueEntry['key']>(key: K): ErrorEntryByKey<K> {
  const entry = BY_KEY.get(key);
  if (entry === undefined) {
    throw new TypeError(
      `[wxvoip] unknown error key "${String(key)}": errorByKey only accepts keys of the error catalogue (see docs/errors.md); check the spelling or use findError(domain, code) for numbers.`,
    );
  }
  return entry as ErrorEntryByKey<K>;
}

/**
 * Finds the catalogued errMsg literal of a plugin event (exact, case-sensitive match, as WeChat sends it).
 *
 * @example
 * findPluginEventError('listener waitOtherToJoin timeout')?.key; // 'LISTENER_WAIT_OTHER_TO_JOIN_TIMEOUT'
 */
export function findPluginEventError(errMsg: string): ErrorEntryInDomain<'plugin-event'> | undefined {
  return ERROR_CATALOGUE.find(
    (entry): entry is ErrorEntryInDomain<'plugin-event'> => entry.domain === 'plugin-event' && entry.message === errMsg,
  );
}

/**
 * Reads a value returned by the RTOS device SDK: a non-negative value is a `wx_error_t`, a negative one is a
 * negated backend code (D §2.1, §7.3). Linux SDK results are always `wx_error_t`: use `findError('device-sdk', n)`.
 *
 * @example
 * findRtosError(-9)?.key;     // 'DEVICE_NOT_AUTHORIZED'
 * findRtosError(-10008)?.key; // 'SN_TICKET_EXPIRED'
 * findRtosError(18)?.key;     // 'WXERROR_RESPONSE'
 */
export function findRtosError(value: number): ErrorEntryInDomain<'backend' | 'device-sdk'> | undefined {
  return value < 0 ? findError('backend', -value) : findError('device-sdk', value);
}

/**
 * The value the RTOS device SDK returns for a backend or `wx_error_t` key: backend codes negated (D §2.1, §2.6).
 *
 * @example
 * rtosReturnCode('DEVICE_NOT_AUTHORIZED'); // -9
 * rtosReturnCode('WXERROR_RESPONSE');      // 18
 */
export function rtosReturnCode(key: ErrorEntryInDomain<'backend'>['key'] | DeviceSdkErrorKey): number {
  const entry = errorByKey(key);
  return entry.domain === 'backend' ? -entry.code : entry.code;
}

/** True when `errMsg` is one of the catalogued plugin event literals. */
export function isPluginEventErrMsg(errMsg: string): errMsg is PluginEventErrMsg {
  return findPluginEventError(errMsg) !== undefined;
}
