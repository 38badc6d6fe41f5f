/**
 * The callback sender adapter: delivers `iot_voip_notify` to the developer's server as WeChat's message push does
 * (signature, msg_signature, AES-256-CBC in secure mode; D §2.3, §4.13), logs each delivery, and runs the URL
 * verification exchange.
 */
export { MESSAGE_PUSH_BLOCK_SIZE, MessagePushCryptoError, aesKeyOf, decryptMessage, encryptMessage, msgSignature, signature } from './messagePushCrypto.js';
export { buildCallbackRequest, contentTypeOf } from './buildCallbackRequest.js';
export { CallbackLog, DEFAULT_CALLBACK_LOG_CAPACITY } from '../../core/callbacks/callbackLog.js';
export {
  DEFAULT_CALLBACK_TIMEOUT_MS,
  DEFAULT_MAX_REPLY_CHARS,
  attachCallbackSender,
  callbackLogOf,
  createCallbackSender,
  parseNotifyReplyBody,
} from './callbackSender.js';
export { buildVerifyRequest, verifyPushUrl } from './verifyPushUrl.js';

export type { MessagePushCryptoFailure } from './messagePushCrypto.js';
export type { BuiltCallbackRequest, CallbackQuery, CallbackRequestInput, CallbackRequestOptions } from './buildCallbackRequest.js';
export type {
  AttachCallbackSenderOptions,
  AttachedCallbackSender,
  CallbackFetch,
  CallbackModePolicy,
  CallbackSender,
  CallbackSenderOptions,
  ParsedNotifyReply,
  XmlReplyPolicy,
} from './callbackSender.js';
export type { VerifyPushUrlFailure, VerifyPushUrlOptions, VerifyPushUrlResult, VerifyRequestOptions } from './verifyPushUrl.js';
