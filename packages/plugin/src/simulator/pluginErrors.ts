import { errorByKey, isErrorKey, voipErrorFromCatalogue, type VoipError, type VoipErrorKey } from '@wxvoip/contracts';
import { describePartyFailure, type PartyFailure } from '@wxvoip/party-client';

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
 * The `VoipError` a failed platform exchange becomes (P §6): the plugin's mapping of the party client's one failure
 * type. A refusal keeps its catalogue code and class (backend codes are `VoipCgiError`s); a request that could not be
 * made (no answer, cancelled, channel closed) is 1002, an answer outside the contract 1003, and a request the platform
 * found malformed 1004. A refusal whose key is not a plugin or backend code (for example a server-API code) is 1002
 * with the failure as `cause`.
 */
export function voipErrorOf(api: string, failure: PartyFailure): VoipError {
  switch (failure.kind) {
    case 'refused': {
      const { key, errcode, errmsg } = failure.refusal;
      if (key !== undefined && isErrorKey(key)) {
        const domain = errorByKey(key).domain;
        if (domain === 'backend' || domain === 'plugin') {
          return voipErrorFromCatalogue(key as VoipErrorKey, { context: api, errMsg: errmsg });
        }
      }
      return voipErrorFromCatalogue('CGI_REQUEST_FAILED', { context: api, errMsg: `${api}:fail errcode ${errcode}: ${errmsg}`, cause: failure });
    }
    case 'invalid':
      return voipErrorFromCatalogue('INVALID_CALL_ARGUMENTS', { context: api, errMsg: `${api}:fail ${failure.refusal.errmsg}`, cause: failure.refusal });
    case 'credential':
      return voipErrorFromCatalogue('CGI_REQUEST_FAILED', {
        context: api,
        errMsg: `${api}:fail the platform refused this plugin instance's credential (${failure.refusal.errcode} ${failure.refusal.errmsg}); was the simulator closed or the platform reset?`,
      });
    case 'network':
      return voipErrorFromCatalogue('CGI_REQUEST_FAILED', { context: api, errMsg: `${api}:fail request failed`, cause: failure.cause });
    case 'cancelled':
    case 'channelClosed':
      return voipErrorFromCatalogue('CGI_REQUEST_FAILED', { context: api, errMsg: `${api}:fail ${describePartyFailure(failure)}`, cause: failure });
    case 'malformed':
      return voipErrorFromCatalogue('CGI_RESPONSE_UNPARSEABLE', { context: api, errMsg: `${api}:fail ${failure.detail}`, cause: failure });
  }
}

/**
 * What plugins older than 2.4.0 throw: no `VoipError` classes yet (P §6.1, §11), so a plain `Error` carrying the same
 * `errCode` and `errMsg` [I: the shape of pre-2.4.0 errors is undocumented].
 */
export function legacyError(error: VoipError): Error & { errCode: number; errMsg: string } {
  return Object.assign(new Error(error.message), { errCode: error.errCode, errMsg: error.errMsg });
}
