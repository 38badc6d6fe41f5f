/**
 * The error catalogue of @wxvoip/contracts: every WeChat error code with its key, domain, message, fix and
 * source; lookups; the plugin's VoipError family; WeChat `{ errcode, errmsg }` bodies; the docs renderer.
 */
export { ERROR_CATALOGUE } from './catalogue.js';
export { ERROR_DOMAIN_INFO } from './error-domains.js';
export { ErrorDomain } from './error-entry.js';
export { ErrorKey, isErrorKey } from './error-key.js';
export {
  errorByKey,
  findError,
  findPluginEventError,
  findRtosError,
  isPluginEventErrMsg,
  rtosReturnCode,
} from './find-error.js';
export { ERRORS_DOC_COMMAND, renderErrorsMarkdown } from './render-errors-markdown.js';
export { VoipCgiError, VoipError, VoipJoinError, VoipPluginError, isVoipError } from './voip-error.js';
export { voipErrorFromCatalogue } from './voip-error-from-catalogue.js';
export { errmsgOf, ok, wechatError } from './wechat-error.js';

export type {
  AuthorizationErrCode,
  BackendErrCode,
  CatalogueEntry,
  DeviceSdkErrCode,
  DeviceSdkErrorKey,
  ErrorCodeOf,
  ErrorEntryByKey,
  ErrorEntryInDomain,
  ErrorKeyOf,
  PluginErrCode,
  PluginEventErrMsg,
  ServerApiErrCode,
  VoipErrorKey,
  WechatErrorKey,
  WmpfRegistrationErrCode,
  WmpfRuntimeErrCode,
} from './catalogue.js';
export type { ErrorDomainInfo } from './error-domains.js';
export type {
  CodedErrorDomain,
  CodedErrorEntry,
  ErrMsgEvent,
  ErrorEntry,
  ErrorEntryBase,
  FactTag,
  MessageWording,
  PluginEventEntry,
  SourceRef,
  VoipErrorClassName,
  VoipErrorEntry,
} from './error-entry.js';
export type { VoipErrorInit, VoipErrorName, VoipJoinErrorInit } from './voip-error.js';
export type { VoipErrorDetails, VoipErrorFor } from './voip-error-from-catalogue.js';
export type { WechatErrorReply, WechatOkReply } from './wechat-error.js';
