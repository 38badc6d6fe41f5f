import type { z } from 'zod';
import { FlatXmlError, parseFlatXml, toFlatXml } from './flatXml.js';
import { IOT_VOIP_NOTIFY_FIELDS, IotVoipNotifyMessage } from './iotVoipNotify.js';
import { NotifySecureBody } from './notifyEnvelope.js';

/**
 * Writes an `iot_voip_notify` message as WeChat's XML push body, fields in documented order, strings in CDATA
 * and `CreateTime` as a number (D §2.3; the XML form is [T], used when the app's push format is XML).
 *
 * @example
 * toNotifyXml(message); // '<xml><ToUserName><![CDATA[gh_…]]></ToUserName><FromUserName>…</xml>'
 */
export function toNotifyXml(message: IotVoipNotifyMessage): string {
  const fields: Record<string, string | number> = {};
  for (const name of IOT_VOIP_NOTIFY_FIELDS) fields[name] = message[name];
  return toFlatXml(fields);
}

/** Turns XML text fields into the JSON shape: `CreateTime` written as decimal digits becomes a number. */
function numericCreateTime(fields: Record<string, string>): Record<string, string | number> {
  const createTime = fields['CreateTime'];
  return createTime !== undefined && /^\s*\d+\s*$/.test(createTime) ? { ...fields, CreateTime: Number(createTime.trim()) } : fields;
}

/**
 * Reads an XML `iot_voip_notify` body into a validated message. Throws a `FlatXmlError` when the XML itself is
 * malformed, and a `ZodError` (with the field's path) when a field breaks a rule of `IotVoipNotifyMessage`.
 *
 * @example
 * parseNotifyXml(toNotifyXml(message)); // deep-equals message
 */
export function parseNotifyXml(xml: string): IotVoipNotifyMessage {
  return IotVoipNotifyMessage.parse(numericCreateTime(parseFlatXml(xml)));
}

/** The result of `safeParseNotifyXml`: the message, or the malformed-XML or field error. */
export type NotifyXmlParseResult =
  | { success: true; data: IotVoipNotifyMessage }
  | { success: false; error: FlatXmlError | z.ZodError<unknown> };

/** `parseNotifyXml` without throwing, for code that must never throw on user input (the mock platform core). */
export function safeParseNotifyXml(xml: string): NotifyXmlParseResult {
  let fields: Record<string, string>;
  try {
    fields = parseFlatXml(xml);
  } catch (error) {
    if (error instanceof FlatXmlError) return { success: false, error };
    throw error;
  }
  const result = IotVoipNotifyMessage.safeParse(numericCreateTime(fields));
  return result.success ? { success: true, data: result.data } : { success: false, error: result.error };
}

/** Writes the secure-mode outer XML body `<xml><ToUserName/><Encrypt/></xml>` (D §2.3, §4.13). */
export function toSecureNotifyXml(body: NotifySecureBody): string {
  return toFlatXml({ ToUserName: body.ToUserName, Encrypt: body.Encrypt });
}

/** Reads a secure-mode outer XML body; throws `FlatXmlError` or `ZodError` like `parseNotifyXml`. */
export function parseSecureNotifyXml(xml: string): NotifySecureBody {
  return NotifySecureBody.parse(parseFlatXml(xml));
}
