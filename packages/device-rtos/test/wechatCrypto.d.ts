/** Types of `wechat-crypto` 0.0.2 (it ships none): WeChat's reference WXBizMsgCrypt ported to Node, used only by tests. */
declare module 'wechat-crypto' {
  /** WeChat's message-push crypto for one (Token, EncodingAESKey, appId). */
  export default class WXBizMsgCrypt {
    constructor(token: string, encodingAESKey: string, id: string);
    /** sha1 of the sorted (token, timestamp, nonce, encrypt). */
    getSignature(timestamp: string, nonce: string, encrypt: string): string;
    /** Decrypts a base64 `Encrypt` value into the message and the id (appId) at its end. */
    decrypt(text: string): { message: string; id: string };
    /** Encrypts a message (16 random bytes ‖ length ‖ message ‖ id, PKCS#7 to 32 bytes) into base64. */
    encrypt(text: string): string;
  }
}
