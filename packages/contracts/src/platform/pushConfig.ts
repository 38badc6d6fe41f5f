import { z } from 'zod';
import { PushEncryptionMode, PushFormat } from '../push/index.js';

/** Length of a message-push EncodingAESKey: 43 characters, base64 of a 32-byte key without its "=" (D §4.13). */
export const ENCODING_AES_KEY_LENGTH = 43;

/**
 * The EncodingAESKey of the app's message push: 43 characters of `[A-Za-z0-9+/]`; `base64decode(key + "=")`
 * gives the 32-byte AES-256 key (D §4.13).
 *
 * @example
 * EncodingAesKey.parse('abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG'); // ok
 */
export const EncodingAesKey = z
  .string({ required_error: 'encodingAESKey is required (43 characters from the message push settings)' })
  .length(
    ENCODING_AES_KEY_LENGTH,
    `encodingAESKey must be exactly ${ENCODING_AES_KEY_LENGTH} characters: base64 of a 32-byte AES key without the trailing "="`,
  )
  .regex(/^[A-Za-z0-9+/]+$/, 'encodingAESKey may only contain base64 characters [A-Za-z0-9+/] (no "=", no "-" or "_")');
/** The EncodingAESKey of the app's message push. */
export type EncodingAesKey = z.infer<typeof EncodingAesKey>;

/**
 * The Token of the app's message push, used in `signature` and `msg_signature` (D §4.13).
 * [I] 3–32 letters or digits, the admin console's rule; the reference does not restate it.
 */
export const PushToken = z
  .string({ required_error: 'token is required (the Token of the message push settings)' })
  .regex(/^[A-Za-z0-9]{3,32}$/, 'token must be 3–32 letters or digits (the message push Token rule)');
/** The Token of the app's message push. */
export type PushToken = z.infer<typeof PushToken>;

/** The callback URL: http or https. [I] Any port is accepted (WeChat allows 80/443 only) so tests can use local ports. */
export const PushUrl = z
  .string({ required_error: 'url is required: where the platform POSTs iot_voip_notify' })
  .url('url must be an absolute URL such as http://127.0.0.1:3000/wechat/callback')
  .refine((url) => /^https?:\/\//i.test(url), 'url must use http or https (the message push only posts over HTTP)');
/** The callback URL. */
export type PushUrl = z.infer<typeof PushUrl>;

/**
 * The app's message push configuration (D §4.13), where the platform delivers `iot_voip_notify`. Defaults:
 * `secure` mode (required for the VoIP callback, D §2.3) and `json` format.
 *
 * @example
 * PushConfig.parse({ url: 'http://127.0.0.1:3000/cb', token: 'demoToken', encodingAESKey: 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG' });
 */
export const PushConfig = z.object({
  url: PushUrl,
  token: PushToken,
  encodingAESKey: EncodingAesKey,
  mode: PushEncryptionMode.default('secure'),
  format: PushFormat.default('json'),
});
/** The app's message push configuration. */
export type PushConfig = z.infer<typeof PushConfig>;
/** The app's message push configuration before defaults. */
export type PushConfigInput = z.input<typeof PushConfig>;
