/**
 * The number of bytes `text` takes in UTF-8, computed without `TextEncoder` or `Buffer` (neither is guaranteed in a
 * mini program's JavaScript engine). A lone surrogate counts 3 bytes, as its U+FFFD replacement does.
 *
 * @example
 * utf8ByteLength('abc');  // 3
 * utf8ByteLength('校园'); // 6
 */
export function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (const char of text) {
    const codePoint = char.codePointAt(0) ?? 0;
    if (codePoint < 0x80) bytes += 1;
    else if (codePoint < 0x800) bytes += 2;
    else if (codePoint < 0x10000) bytes += 3;
    else bytes += 4;
  }
  return bytes;
}
