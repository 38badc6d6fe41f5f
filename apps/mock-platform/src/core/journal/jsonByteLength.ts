/**
 * The UTF-8 byte length of `JSON.stringify(value)`, computed by walking the value once without building the text; or
 * `undefined` when that cannot be told this way: a value nested deeper than `maxDepth`, a count past `maxBytes`
 * (the walk stops there), or anything but plain JSON data (an object with `toJSON`, a class instance, a bigint).
 * Callers then fall back to serializing. Used by the journal on every request, response and push body (issue 19):
 * most bodies are small and flat, and measuring them costs no string.
 *
 * Exact for plain data: strings count their escapes as JSON.stringify writes them (`\"`, `\\`, `\n`…, `\u00XX` for
 * other control characters, `\uDXXX` for a lone surrogate), numbers their shortest round-trip form, non-finite numbers
 * and array holes `null`, and object members whose value is undefined, a function or a symbol are left out.
 *
 * @example
 * jsonByteLength({ sn: 'SN-1' }, 32, 2048); // 11, as Buffer.byteLength(JSON.stringify({ sn: 'SN-1' }))
 */
export function jsonByteLength(value: unknown, maxDepth: number, maxBytes: number): number | undefined {
  const bytes = sizeOf(value, maxDepth, maxBytes);
  return bytes < 0 ? undefined : bytes;
}

/** Size of one value as JSON; -1 when the walk cannot tell (see jsonByteLength). `budget` bounds the work. */
function sizeOf(value: unknown, depth: number, budget: number): number {
  switch (typeof value) {
    case 'string':
      return stringSize(value);
    case 'number':
      return numberSize(value);
    case 'boolean':
      return value ? 4 : 5;
    case 'object':
      break;
    default:
      // undefined, a function or a symbol: `null` at the top level and in an array (object members skip them); a
      // bigint: JSON.stringify throws.
      return typeof value === 'bigint' ? -1 : 4;
  }
  if (value === null) return 4;
  if (depth <= 0) return -1;
  if (Array.isArray(value)) {
    let total = 2 + (value.length > 0 ? value.length - 1 : 0);
    for (let i = 0; i < value.length; i++) {
      // undefined, a function or a symbol is written `null` in an array: sizeOf counts them 4.
      const size = sizeOf(value[i], depth - 1, budget - total);
      if (size < 0) return -1;
      total += size;
      if (total > budget) return -1;
    }
    return total;
  }
  const proto: unknown = Object.getPrototypeOf(value);
  if ((proto !== Object.prototype && proto !== null) || typeof (value as { toJSON?: unknown }).toJSON === 'function') return -1;
  let total = 2;
  let members = 0;
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    const item: unknown = (value as Record<string, unknown>)[key];
    if (item === undefined || typeof item === 'function' || typeof item === 'symbol') continue;
    const size = sizeOf(item, depth - 1, budget - total);
    if (size < 0) return -1;
    total += stringSize(key) + 1 + size + (members > 0 ? 1 : 0);
    members++;
    if (total > budget) return -1;
  }
  return total;
}

/** Largest integer whose digits {@link numberSize} counts itself (JSON writes larger ones in exponent form from 1e21). */
const COUNTED_INTEGERS = 1e15;

/** Characters of a number as JSON writes it: its shortest round-trip form, `null` when not finite. */
function numberSize(value: number): number {
  // Integers, most numbers of a body (codes, timestamps, counts), are counted without building their text.
  if (Number.isInteger(value) && value > -COUNTED_INTEGERS && value < COUNTED_INTEGERS) {
    let digits = 1;
    for (let rest = Math.abs(value); rest >= 10; rest = Math.floor(rest / 10)) digits++;
    return value < 0 ? digits + 1 : digits;
  }
  return Number.isFinite(value) ? String(value).length : 4;
}

/** A string JSON writes as it is between its quotes, one byte a character: printable ASCII but `"` and `\`. */
const VERBATIM = /^[\x20\x21\x23-\x5b\x5d-\x7f]*$/;

/** Bytes of a string as a JSON string literal in UTF-8, quotes included. */
function stringSize(text: string): number {
  // Most strings of a body (ids, codes, messages) need no escape and no multi-byte character: one native test.
  if (VERBATIM.test(text)) return 2 + text.length;
  let bytes = 2 + text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x20 && code < 0x7f) {
      if (code === 0x22 || code === 0x5c) bytes += 1; // \" and \\
      continue;
    }
    if (code < 0x20) bytes += code === 0x08 || code === 0x09 || code === 0x0a || code === 0x0c || code === 0x0d ? 1 : 5;
    else if (code === 0x7f) continue;
    else if (code < 0x800) bytes += 1;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 2; // a surrogate pair: 2 code units, 4 bytes
      i++;
    } else if (code >= 0xd800 && code <= 0xdfff) bytes += 5; // a lone surrogate: \udXXX
    else bytes += 2;
  }
  return bytes;
}
