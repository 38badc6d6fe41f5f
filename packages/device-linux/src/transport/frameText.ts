/**
 * A frame as text: text frames as they are, binary frames (Blob, ArrayBuffer, a typed array or Buffer, or `ws`'s
 * Buffer fragments) decoded as UTF-8. Undefined for anything else.
 *
 * @example
 * socket.addEventListener('message', (event) => void frameText(event.data).then((text) => console.log(text)));
 */
export async function frameText(data: unknown): Promise<string | undefined> {
  if (typeof data === 'string') return data;
  if (typeof Blob !== 'undefined' && data instanceof Blob) return data.text();
  const decoder = new TextDecoder('utf-8');
  if (data instanceof ArrayBuffer) return decoder.decode(data);
  if (ArrayBuffer.isView(data)) return decoder.decode(bytesOf(data));
  if (Array.isArray(data) && data.every((part) => ArrayBuffer.isView(part))) {
    return (data as ArrayBufferView[]).map((part) => decoder.decode(bytesOf(part), { stream: true })).join('') + decoder.decode();
  }
  return undefined;
}

function bytesOf(view: ArrayBufferView): Uint8Array {
  return new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
}
