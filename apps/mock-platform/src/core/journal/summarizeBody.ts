import { JOURNAL_BODY_MAX_BYTES, JOURNAL_BODY_MAX_DEPTH, type BodyDigest } from '@wxvoip/contracts';
import { jsonByteLength } from './jsonByteLength.js';
import { sha256Hex } from './sha256.js';

/** Characters of JSON text a digest keeps as its preview. */
const PREVIEW_CHARS = 256;

const utf8 = new TextEncoder();

/** What the journal keeps of one body: the body itself (small and shallow), or its digest; and what that costs. */
export type BodySummary =
  | { readonly kind: 'whole'; readonly value: unknown; readonly bytes: number }
  | { readonly kind: 'digest'; readonly digest: BodyDigest; readonly bytes: number };

/**
 * Summarizes a request or response body for the journal, safely for any nesting and any size: a body of at most
 * `JOURNAL_BODY_MAX_BYTES` bytes of JSON, nested at most `JOURNAL_BODY_MAX_DEPTH` deep, is kept whole; anything else
 * becomes a {@link BodyDigest} (byte count, SHA-256 and a 256-character preview of its compact JSON). The nesting is
 * measured without recursion, and a deep body is serialized without recursion, so no body can overflow the stack
 * here or when the journal is read back. `bytes` is what the summary costs the journal's byte budget.
 *
 * @example
 * summarizeBody({ sn: 'SN-1' });            // { kind: 'whole', value: { sn: 'SN-1' }, bytes: 12 }
 * summarizeBody({ msg: 'x'.repeat(5000) });  // { kind: 'digest', digest: { bytes: 5011, sha256: '…', preview: '{"msg":"xxx…', reason: 'size' }, … }
 */
export function summarizeBody(value: unknown): BodySummary {
  // Most bodies are small and flat: one walk measures them without serializing (issue 19).
  const measured = jsonByteLength(value, JOURNAL_BODY_MAX_DEPTH, JOURNAL_BODY_MAX_BYTES);
  if (measured !== undefined) return { kind: 'whole', value, bytes: measured };
  const deep = depthExceeds(value, JOURNAL_BODY_MAX_DEPTH);
  const text = deep ? toJsonIteratively(value) : (JSON.stringify(value) ?? 'null');
  // UTF-8 never takes fewer bytes than UTF-16 code units, so a longer text is too large without counting it. The
  // count walks the text (no encoded copy): most bodies are small and kept whole (issue 19).
  const bytes = text.length <= JOURNAL_BODY_MAX_BYTES ? utf8Length(text) : undefined;
  if (!deep && bytes !== undefined && bytes <= JOURNAL_BODY_MAX_BYTES) return { kind: 'whole', value, bytes };
  const all = utf8.encode(text);
  const digest: BodyDigest = { bytes: all.length, sha256: sha256Hex(all), preview: copyOf(text.slice(0, PREVIEW_CHARS)), reason: deep ? 'depth' : 'size' };
  return { kind: 'digest', digest, bytes: 160 + digest.preview.length };
}

/** Bytes of `text` in UTF-8 (a lone surrogate counts 3, as TextEncoder writes U+FFFD for it). */
export function utf8Length(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) continue;
    if (code < 0x800) bytes += 1;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 2; // a surrogate pair: 2 code units, 4 bytes
      i++;
    } else bytes += 2;
  }
  return bytes;
}

/**
 * A string with its own storage: V8 keeps the whole parent of a `slice` alive (a sliced string), so a 256-character
 * preview of a 1 MB body would retain the megabyte.
 */
function copyOf(text: string): string {
  return Array.from(text).join('');
}

/**
 * Whether arrays and objects nest deeper than `limit`. Recursive, but never deeper than `limit` + 1 frames: it stops
 * at the first value past the limit. Allocates nothing for the flat bodies most requests carry.
 */
function depthExceeds(value: unknown, limit: number): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if (limit <= 0) return true;
  if (Array.isArray(value)) {
    for (const child of value) if (depthExceeds(child, limit - 1)) return true;
    return false;
  }
  for (const key in value) if (depthExceeds((value as Record<string, unknown>)[key], limit - 1)) return true;
  return false;
}

/** Compact JSON of a parsed JSON value, like JSON.stringify but without recursion (for bodies of any depth). */
function toJsonIteratively(value: unknown): string {
  const out: string[] = [];
  type Frame = { kind: 'value'; value: unknown } | { kind: 'text'; text: string };
  const stack: Frame[] = [{ kind: 'value', value }];
  while (stack.length > 0) {
    const frame = stack.pop()!;
    if (frame.kind === 'text') {
      out.push(frame.text);
      continue;
    }
    const current = frame.value;
    if (typeof current !== 'object' || current === null) {
      out.push(JSON.stringify(current) ?? 'null');
      continue;
    }
    const array = Array.isArray(current);
    const entries: [string | undefined, unknown][] = array ? current.map((item) => [undefined, item]) : Object.entries(current);
    const frames: Frame[] = [{ kind: 'text', text: array ? '[' : '{' }];
    entries.forEach(([key, item], index) => {
      if (index > 0) frames.push({ kind: 'text', text: ',' });
      if (key !== undefined) frames.push({ kind: 'text', text: `${JSON.stringify(key)}:` });
      frames.push({ kind: 'value', value: item });
    });
    frames.push({ kind: 'text', text: array ? ']' : '}' });
    for (let i = frames.length - 1; i >= 0; i--) stack.push(frames[i]!);
  }
  return out.join('');
}
