import type { ErrorEntryByKey, ErrorEntryInDomain, VoipErrorKey } from './catalogue.js';
import { errorByKey } from './findError.js';
import { VoipCgiError, VoipJoinError, VoipPluginError } from './voipError.js';
import type { VoipErrorInit } from './voipError.js';

/** Optional facts about one occurrence of a catalogued error. */
export interface VoipErrorDetails {
  /** What was being done, e.g. `'callDevice'`; starts the message. */
  readonly context?: string;
  /** WeChat's actual errMsg for this occurrence; becomes `errMsg` instead of the catalogue message. */
  readonly errMsg?: string;
  /** Base-library errno (default 0). */
  readonly errno?: number;
  /** The original error being wrapped. */
  readonly cause?: unknown;
  /** Join errors only: extra information from `wx.joinVoipChat` (default `''`). */
  readonly extErrMsg?: string;
  /** Join errors only: errType from `wx.joinVoipChat` (default 0). */
  readonly errType?: number;
}

/** The class each subclass name stands for. */
interface VoipErrorClasses {
  /** Backend request failure. */
  readonly VoipCgiError: VoipCgiError;
  /** Join failure. */
  readonly VoipJoinError: VoipJoinError;
  /** Other plugin failure. */
  readonly VoipPluginError: VoipPluginError;
}

/** The `VoipError` subclass `voipErrorFromCatalogue` returns for a key. */
export type VoipErrorFor<K extends VoipErrorKey> = VoipErrorClasses[ErrorEntryByKey<K>['errorClass']];

type VoipEntry = ErrorEntryInDomain<'backend' | 'plugin'>;

function voipEntry(key: VoipErrorKey): VoipEntry {
  const entry = errorByKey(key);
  if (entry.domain !== 'backend' && entry.domain !== 'plugin') {
    // Unreachable from TypeScript; guards JavaScript callers.
    throw new TypeError(
      `[wxvoip] voipErrorFromCatalogue("${String(key)}"): only backend and plugin codes are raised as VoipError; use wechatError for server API codes.`,
    );
  }
  return entry;
}

/**
 * The `message`: WeChat's errMsg as the first line, as the real plugin's errors read (P §6.1), then one line naming
 * the catalogue entry and where the fix is (the `fix` property and docs/errors.md).
 */
function pluginLikeMessage(entry: VoipEntry, errMsg: string, details: VoipErrorDetails): string {
  const where = details.context === undefined ? '' : ` in ${details.context}`;
  return `${errMsg}\n[wxvoip] errCode ${String(entry.code)} (${entry.key})${where}: how to fix it is in error.fix and docs/errors.md (${entry.source}).`;
}

/**
 * Builds the `VoipError` subclass a catalogued backend or plugin code is raised as, with WeChat's `errCode` /
 * `errMsg`, a `message` whose first line is that `errMsg` (as the real plugin's), and the catalogue's "what to do"
 * text in `fix`.
 *
 * @example
 * const e = voipErrorFromCatalogue('PLUGIN_BUSY', { context: 'callDevice', errMsg: 'callDevice:fail plugin is busy' });
 * e instanceof VoipPluginError; // true
 * e.errCode;                    // 1005
 * e.message; // "callDevice:fail plugin is busy\n[wxvoip] errCode 1005 (PLUGIN_BUSY) in callDevice: how to fix it is in error.fix and docs/errors.md (P §6.3; D §7.2)."
 * e.fix;     // "Wait for the current call's endVoip ..."
 */
export function voipErrorFromCatalogue<K extends VoipErrorKey>(key: K, details: VoipErrorDetails = {}): VoipErrorFor<K> {
  const entry = voipEntry(key);
  const errMsg = details.errMsg ?? entry.message;
  const init: VoipErrorInit = {
    errCode: entry.code,
    errMsg,
    message: pluginLikeMessage(entry, errMsg, details),
    key: entry.key,
    fix: entry.fix,
    ...(details.errno === undefined ? {} : { errno: details.errno }),
    ...(details.cause === undefined ? {} : { cause: details.cause }),
  };
  switch (entry.errorClass) {
    case 'VoipCgiError':
      return new VoipCgiError(init) as VoipErrorFor<K>;
    case 'VoipJoinError':
      return new VoipJoinError({
        ...init,
        ...(details.extErrMsg === undefined ? {} : { extErrMsg: details.extErrMsg }),
        ...(details.errType === undefined ? {} : { errType: details.errType }),
      }) as VoipErrorFor<K>;
    case 'VoipPluginError':
      return new VoipPluginError(init) as VoipErrorFor<K>;
  }
}
