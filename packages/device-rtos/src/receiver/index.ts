/**
 * `@wxvoip/device-rtos/receiver`: the vendor cloud's message-push endpoint for `iot_voip_notify` (D §2.3, §4.13).
 * Verifies `signature` and `msg_signature`, decrypts (AES-256-CBC with 32-byte PKCS#7), reads plaintext, compatible
 * and secure pushes in JSON or XML, answers URL verification, and builds the `{ errcode }` reply, on web-standard
 * `Request`/`Response`. It depends on `node:crypto` and the contracts only: it works against the real WeChat too.
 *
 * @example
 * import { createCallbackReceiver, toNodeListener } from '@wxvoip/device-rtos/receiver';
 * const receiver = createCallbackReceiver({ token, encodingAESKey, appId, onNotify: () => ({ errcode: 0, errmsg: 'ok' }) });
 * createServer(toNodeListener(receiver)).listen(3000);
 */
export { CallbackReceiverError, HTTP_STATUS_BY_FAILURE, isCallbackReceiverError } from './callbackReceiverError.js';
export { DEFAULT_MAX_TIMESTAMP_SKEW_SEC, createCallbackReceiver } from './createCallbackReceiver.js';
export { MESSAGE_PUSH_BLOCK_SIZE, aesKeyOf, decryptMessage, pushSignature, signaturesEqual } from './messagePushCrypto.js';
export { openMessagePush, verifyUrl } from './openMessagePush.js';
export { parseXmlMessage } from './parseXmlMessage.js';
export { toNodeListener, toWebRequest, writeWebResponse } from './toNodeListener.js';

export type { CallbackReceiverFailure } from './callbackReceiverError.js';
export type { CallbackReceiver, CallbackReceiverOptions, NotifyContext } from './createCallbackReceiver.js';
export type { MessagePushCredentials, MessagePushInput, OpenedMessagePush } from './openMessagePush.js';
export type { XmlFields, XmlValue } from './parseXmlMessage.js';
