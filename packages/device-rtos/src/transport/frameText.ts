/**
 * A WebSocket frame's data as text: a text frame's string as is, a binary frame (Buffer, ArrayBuffer, typed array,
 * Blob, or `ws`'s array of Buffers) decoded as UTF-8. `undefined` for anything else. Asynchronous because a Blob is.
 *
 * @example
 * await frameText(event.data); // '{"type":"ping","seq":1}'
 */
export async function frameText(data: unknown): Promise<string | undefined> {
  if (typeof data === 'string') return data;
  if (typeof Blob !== 'undefined' && data instanceof Blob) return data.text();
  if (data instanceof ArrayBuffer) return decode([new Uint8Array(data)]);
  if (ArrayBuffer.isView(data)) return decode([bytesOf(data)]);
  if (Array.isArray(data) && data.every((part) => ArrayBuffer.isView(part))) return decode(data.map(bytesOf));
  return undefined;
}

function bytesOf(view: ArrayBufferView): Uint8Array {
  return new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
}

function decode(parts: readonly Uint8Array[]): string {
  const decoder = new TextDecoder('utf-8');
  return parts.map((part, i) => decoder.decode(part, { stream: i < parts.length - 1 })).join('');
}
