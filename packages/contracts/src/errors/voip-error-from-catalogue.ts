import type { ErrorEntryByKey, ErrorEntryInDomain, VoipErrorKey } from './catalogue.js';
import { errorByKey } from './find-error.js';
import { VoipCgiError, VoipJoinError, VoipPluginError } from './voip-error.js';
import type { VoipErrorInit } from './voip-error.js';

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

/** What happened, why, how to fix it and where it is documented, on one line. */
function actionableMessage(entry: VoipEntry, details: VoipErrorDetails): string {
  const what = `[wxvoip] ${details.context ?? 'The plugin call'} failed with errCode ${String(entry.code)} (${entry.key}): ${entry.message}.`;
  const said = details.errMsg !== undefined && details.errMsg !== entry.message ? ` WeChat said: "${details.errMsg}".` : '';
  return `${what}${said} How to fix: ${entry.fix} See ${entry.source} and docs/errors.md.`;
}

/**
 * Builds the `VoipError` subclass a catalogued backend or plugin code is raised as, with WeChat's `errCode` /
 * `errMsg` and an actionable `message` (what failed, why, how to fix it).
 *
 * @example
 * const e = voipErrorFromCatalogue('PLUGIN_BUSY', { context: 'callDevice' });
 * e instanceof VoipPluginError; // true
 * e.errCode;                    // 1005
 * e.message; // "[wxvoip] callDevice failed with errCode 1005 (PLUGIN_BUSY): plugin is busy with another call. How to fix: ..."
 */
export function voipErrorFromCatalogue<K extends VoipErrorKey>(key: K, details: VoipErrorDetails = {}): VoipErrorFor<K> {
  const entry = voipEntry(key);
  const init: VoipErrorInit = {
    errCode: entry.code,
    errMsg: details.errMsg ?? entry.message,
    message: actionableMessage(entry, details),
    key: entry.key,
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
