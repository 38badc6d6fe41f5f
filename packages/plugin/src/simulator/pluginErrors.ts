import { errorByKey, isErrorKey, voipErrorFromCatalogue, type VoipError, type VoipErrorKey } from '@wxvoip/contracts';
import type { PlatformFailure } from '../transport/platformClient.js';

/** One validation issue as zod reports it: where and what. */
export interface ArgumentIssue {
  /** Path of the offending field. */
  readonly path: readonly (string | number)[];
  /** What is wrong. */
  readonly message: string;
}

/** `roomType: roomType must be 'voice' or 'video'`: an issue, naming its field. */
export function describeIssues(issues: readonly ArgumentIssue[]): string {
  return issues.map((issue) => (issue.path.length === 0 ? issue.message : `${issue.path.join('.')}: ${issue.message}`)).join('; ');
}

/** errCode 1004 (`VoipPluginError`): the arguments break the API's parameter table; errMsg names the field (P §6.3). */
export function invalidArguments(api: string, issues: readonly ArgumentIssue[]): VoipError {
  return voipErrorFromCatalogue('INVALID_CALL_ARGUMENTS', { context: api, errMsg: `${api}:fail invalid arguments: ${describeIssues(issues)}` });
}

/** A plugin-side error by catalogue key, with WeChat-style errMsg `<api>:fail <why>`. */
export function pluginError(api: string, key: VoipErrorKey, why: string): VoipError {
  return voipErrorFromCatalogue(key, { context: api, errMsg: `${api}:fail ${why}` });
}

/**
 * The `VoipError` a failed platform exchange becomes (P §6): a refusal keeps its catalogue code and class (backend
 * codes are `VoipCgiError`s); a request that could not be made is 1002, an answer that could not be read 1003, and a
 * request the platform found malformed 1004. A refusal whose key is not a plugin or backend code (for example a
 * server-API code) is 1002 with the original as `cause`.
 */
export function voipErrorOf(api: string, failure: PlatformFailure): VoipError {
  switch (failure.kind) {
    case 'refused': {
      if (failure.key !== undefined && isErrorKey(failure.key)) {
        const domain = errorByKey(failure.key).domain;
        if (domain === 'backend' || domain === 'plugin') {
          return voipErrorFromCatalogue(failure.key as VoipErrorKey, { context: api, errMsg: failure.errmsg });
        }
      }
      return voipErrorFromCatalogue('CGI_REQUEST_FAILED', { context: api, errMsg: `${api}:fail errcode ${failure.errcode}: ${failure.errmsg}`, cause: failure });
    }
    case 'invalid':
      return voipErrorFromCatalogue('INVALID_CALL_ARGUMENTS', { context: api, errMsg: `${api}:fail ${failure.errmsg}`, cause: failure.body });
    case 'credential':
      return voipErrorFromCatalogue('CGI_REQUEST_FAILED', {
        context: api,
        errMsg: `${api}:fail the platform refused this plugin instance's credential (${failure.errcode} ${failure.errmsg}); was the simulator closed or the platform reset?`,
      });
    case 'network':
      return voipErrorFromCatalogue('CGI_REQUEST_FAILED', { context: api, errMsg: `${api}:fail request failed`, cause: failure.cause });
    case 'unparseable':
      return voipErrorFromCatalogue('CGI_RESPONSE_UNPARSEABLE', { context: api, errMsg: `${api}:fail ${failure.detail}`, cause: failure.body });
  }
}

/**
 * What plugins older than 2.4.0 throw: no `VoipError` classes yet (P §6.1, §11), so a plain `Error` carrying the same
 * `errCode` and `errMsg` [I: the shape of pre-2.4.0 errors is undocumented].
 */
export function legacyError(error: VoipError): Error & { errCode: number; errMsg: string } {
  return Object.assign(new Error(error.message), { errCode: error.errCode, errMsg: error.errMsg });
}
