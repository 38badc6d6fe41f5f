/**
 * What WeChat pushes outside the plugin: the `iot_voip_notify` callback to the developer server (message,
 * plaintext/compatible/secure bodies, verification and push queries, the `{ errcode }` reply, flat XML) and
 * the WMPF push message with its call page path (D §2.3, §3.3, §4.13, P §4.1, §9.1). No crypto here.
 */
export { customQueryField } from './custom-query.js';
export { IOT_VOIP_NOTIFY_FIELDS, IotVoipNotifyMessage } from './iot-voip-notify.js';
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
} from './notify-envelope.js';
export { NOTIFY_REPLY_OK, NotifyReply, notifyReplyOutcome } from './notify-reply.js';
export { FlatXmlError, parseFlatXml, toFlatXml } from './flat-xml.js';
export { parseNotifyXml, parseSecureNotifyXml, safeParseNotifyXml, toNotifyXml, toSecureNotifyXml } from './notify-xml.js';
export { WMPF_APP_TYPE, WmpfAppType, envVersionOf, wmpfAppTypeOf } from './wmpf-app-type.js';
export {
  WMPF_CALL_PAGE_KEYS,
  WmpfCallPagePath,
  WmpfCallPageQuery,
  buildWmpfCallPagePath,
  parseWmpfCallPagePath,
} from './wmpf-call-page-path.js';
export { WmpfPushMessage } from './wmpf-push-message.js';

export type { NotifyReplyOutcome } from './notify-reply.js';
export type { NotifyXmlParseResult } from './notify-xml.js';
export type { WmpfEnvVersion } from './wmpf-app-type.js';
export type { WmpfCallPageKey, WmpfCallPageQueryInput } from './wmpf-call-page-path.js';
