/**
 * What WeChat pushes outside the plugin: the `iot_voip_notify` callback to the developer server (message,
 * plaintext/compatible/secure bodies, verification and push queries, the `{ errcode }` reply, flat XML) and
 * the WMPF push message with its call page path (D §2.3, §3.3, §4.13, P §4.1, §9.1). No crypto here.
 */
export { customQueryField } from './customQuery.js';
export { IOT_VOIP_NOTIFY_FIELDS, IotVoipNotifyMessage } from './iotVoipNotify.js';
export {
  IOT_VOIP_NOTIFY_REQUIRED_MODE,
  NOTIFY_BODY_BY_MODE,
  NotifyCompatibleBody,
  NotifyPlaintextBody,
  NotifySecureBody,
  PushEncryptionMode,
  PushFormat,
  PushNotifyQuery,
  PushVerifyQuery,
  signatureBase,
} from './notifyEnvelope.js';
export { NOTIFY_REPLY_OK, NotifyReply, notifyReplyOutcome } from './notifyReply.js';
export { FlatXmlError, parseFlatXml, toFlatXml } from './flatXml.js';
export { parseNotifyXml, parseSecureNotifyXml, safeParseNotifyXml, toNotifyXml, toSecureNotifyXml } from './notifyXml.js';
export { WMPF_APP_TYPE, WmpfAppType, envVersionOf, wmpfAppTypeOf } from './wmpfAppType.js';
export {
  WMPF_CALL_PAGE_KEYS,
  WmpfCallPagePath,
  WmpfCallPageQuery,
  buildWmpfCallPagePath,
  parseWmpfCallPagePath,
} from './wmpfCallPagePath.js';
export { WmpfPushMessage } from './wmpfPushMessage.js';

export type { NotifyReplyOutcome } from './notifyReply.js';
export type { NotifyXmlParseResult } from './notifyXml.js';
export type { WmpfEnvVersion } from './wmpfAppType.js';
export type { WmpfCallPageKey, WmpfCallPageQueryInput } from './wmpfCallPagePath.js';
