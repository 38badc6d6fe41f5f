/**
 * The error catalogue of @wxvoip/contracts: every WeChat error code with its key, domain, message, fix and
 * source; lookups; the plugin's VoipError family; WeChat `{ errcode, errmsg }` bodies; the docs renderer.
 */
export { ERROR_CATALOGUE } from './catalogue.js';
export { ERROR_DOMAIN_INFO } from './errorDomains.js';
export { ErrorDomain } from './errorEntry.js';
export { ErrorKey, isErrorKey } from './errorKey.js';
export {
  errorByKey,
  findError,
  findPluginEventError,
  findRtosError,
  isPluginEventErrMsg,
  rtosReturnCode,
} from './findError.js';
export { ERRORS_DOC_COMMAND, renderErrorsMarkdown } from './renderErrorsMarkdown.js';
export { VoipCgiError, VoipError, VoipJoinError, VoipPluginError, isVoipError } from './voipError.js';
export { voipErrorFromCatalogue } from './voipErrorFromCatalogue.js';
export { errmsgOf, ok, wechatError } from './wechatError.js';

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
export type { ErrorDomainInfo } from './errorDomains.js';
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
} from './errorEntry.js';
export type { VoipErrorInit, VoipErrorName, VoipJoinErrorInit } from './voipError.js';
export type { VoipErrorDetails, VoipErrorFor } from './voipErrorFromCatalogue.js';
export type { WechatErrorReply, WechatOkReply } from './wechatError.js';
