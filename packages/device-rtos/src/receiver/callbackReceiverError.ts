/**
 * Why a message push (or URL verification) was refused:
 * - `badKey`: the EncodingAESKey is not 43 base64 characters decoding to 32 bytes (a configuration error);
 * - `badQuery`: `signature`, `timestamp`, `nonce` (or `echostr`) are missing or malformed;
 * - `badSignature`: `signature` is not `sha1(sort([token, timestamp, nonce]))`: wrong Token, or not from WeChat;
 * - `badMsgSignature`: `msg_signature` is missing or not `sha1(sort([token, timestamp, nonce, Encrypt]))`;
 * - `badBody`: the body is not a JSON object or well-formed XML with an `<xml>` root;
 * - `badBase64`: `Encrypt` is not base64;
 * - `truncated`: the ciphertext is empty or not a whole number of 16-byte AES blocks;
 * - `badPadding`: the PKCS#7 padding (1..32 bytes) is wrong: wrong EncodingAESKey, or damaged ciphertext;
 * - `badLength`: the 4-byte message length runs past the decrypted data;
 * - `appIdMismatch`: the appid at the end of the plaintext is not this receiver's appId;
 * - `modeNotAllowed`: the push came in an encryption mode this receiver does not accept;
 * - `staleTimestamp`: the signed `timestamp` is outside the receiver's window: a replayed or delayed push;
 * - `badMessage`: the decrypted `iot_voip_notify` breaks the contract (a field missing or malformed).
 */
export type CallbackReceiverFailure =
  | 'badKey'
  | 'badQuery'
  | 'badSignature'
  | 'badMsgSignature'
  | 'badBody'
  | 'badBase64'
  | 'truncated'
  | 'badPadding'
  | 'badLength'
  | 'appIdMismatch'
  | 'modeNotAllowed'
  | 'staleTimestamp'
  | 'badMessage';

/** The HTTP status the receiver answers for each failure: 401 for signatures and stale timestamps, 500 for a bad key, 400 otherwise. */
export const HTTP_STATUS_BY_FAILURE: Readonly<Record<CallbackReceiverFailure, number>> = {
  badKey: 500,
  badQuery: 400,
  badSignature: 401,
  badMsgSignature: 401,
  badBody: 400,
  badBase64: 400,
  truncated: 400,
  badPadding: 400,
  badLength: 400,
  appIdMismatch: 400,
  modeNotAllowed: 400,
  staleTimestamp: 401,
  badMessage: 400,
};

/**
 * A message push that cannot be verified, decrypted or read. `reason` is machine-readable; the message says what was
 * wrong, why, and what to check.
 *
 * @example
 * try { openMessagePush(input, credentials); } catch (error) { if (isCallbackReceiverError(error)) console.log(error.reason); }
 */
export class CallbackReceiverError extends Error {
  /** Machine-readable reason. */
  readonly reason: CallbackReceiverFailure;

  constructor(reason: CallbackReceiverFailure, message: string) {
    super(message);
    this.name = 'CallbackReceiverError';
    this.reason = reason;
  }

  /** The HTTP status a receiver answers with for this error. */
  get status(): number {
    return HTTP_STATUS_BY_FAILURE[this.reason];
  }
}

/** True when `error` is a {@link CallbackReceiverError}. */
export function isCallbackReceiverError(error: unknown): error is CallbackReceiverError {
  return error instanceof CallbackReceiverError;
}
