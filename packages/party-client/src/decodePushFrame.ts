import { contractCheck, MAX_PUSH_FRAME_BYTES, PushMessage, type CheckableSchema } from '@wxvoip/contracts';

/** A decoded push frame: the message, or why the frame is not one (too large, unreadable, not JSON, outside the contract). */
export type DecodedPushFrame = { readonly ok: true; readonly message: PushMessage } | { readonly ok: false; readonly detail: string };

/**
 * Reads one server → party frame: text frames as they are, binary frames (Blob, ArrayBuffer, a typed array or Buffer,
 * or `ws`'s Buffer fragments) as UTF-8; refuses a frame over {@link MAX_PUSH_FRAME_BYTES} before parsing it; then
 * checks it against the contract's {@link PushMessage}. The one frame decoder of every SDK.
 *
 * @example
 * socket.addEventListener('message', (event) => void decodePushFrame(event.data).then((frame) => frame.ok && handle(frame.message)));
 */
export async function decodePushFrame(data: unknown, maxBytes: number = MAX_PUSH_FRAME_BYTES): Promise<DecodedPushFrame> {
  if (typeof data === 'string') return decodeTextPushFrame(data, maxBytes);
  const size = byteSize(data, maxBytes);
  if (size === undefined) return { ok: false, detail: `a frame of an unknown type (${typeof data})` };
  if (size > maxBytes) return { ok: false, detail: `a frame of ${size} bytes, over the ${maxBytes}-byte limit` };
  const text = await frameText(data);
  if (text === undefined) return { ok: false, detail: 'a frame that could not be read as UTF-8 text' };
  return parseFrame(text);
}

/**
 * {@link decodePushFrame} for a text frame, synchronously (the same checks and answers): what a push channel uses
 * when nothing is waiting before the frame, so the common frame costs no promise.
 *
 * @example
 * const frame = decodeTextPushFrame('{"type":"ping","seq":3,"at":0}');
 */
export function decodeTextPushFrame(text: string, maxBytes: number = MAX_PUSH_FRAME_BYTES): DecodedPushFrame {
  const size = text.length * 3 <= maxBytes ? text.length : utf8Length(text);
  if (size > maxBytes) return { ok: false, detail: `a frame of ${size} bytes, over the ${maxBytes}-byte limit` };
  return parseFrame(text);
}

function parseFrame(text: string): DecodedPushFrame {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, detail: `a frame that is not JSON: ${text.slice(0, 80)}` };
  }
  const parsed = contractCheck(PushMessage as unknown as CheckableSchema, json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, detail: `a frame outside the push contract (${issue === undefined ? 'invalid' : `${issue.path.join('.') || 'message'}: ${issue.message}`})` };
  }
  return { ok: true, message: parsed.data as PushMessage };
}

/** Size of a frame in bytes (a string counts its UTF-8 bytes at most 3 per UTF-16 unit, without encoding it twice). */
function byteSize(data: unknown, maxBytes: number): number | undefined {
  if (typeof data === 'string') return data.length * 3 <= maxBytes ? data.length : utf8Length(data);
  if (typeof Blob !== 'undefined' && data instanceof Blob) return data.size;
  if (data instanceof ArrayBuffer) return data.byteLength;
  if (ArrayBuffer.isView(data)) return data.byteLength;
  if (Array.isArray(data) && data.every((part) => ArrayBuffer.isView(part))) return (data as ArrayBufferView[]).reduce((sum, part) => sum + part.byteLength, 0);
  return undefined;
}

/** UTF-8 length of a string, counted (no TextEncoder: a mini program's engine may have none). */
function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

async function frameText(data: unknown): Promise<string | undefined> {
  if (typeof data === 'string') return data;
  if (typeof Blob !== 'undefined' && data instanceof Blob) return data.text();
  if (typeof TextDecoder === 'undefined') return undefined;
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    if (data instanceof ArrayBuffer) return decoder.decode(data);
    if (ArrayBuffer.isView(data)) return decoder.decode(bytesOf(data));
    if (Array.isArray(data)) {
      const parts = data as ArrayBufferView[];
      return parts.map((part) => decoder.decode(bytesOf(part), { stream: true })).join('') + decoder.decode();
    }
  } catch {
    return undefined;
  }
  return undefined;
}

function bytesOf(view: ArrayBufferView): Uint8Array {
  return new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
}
