import { Buffer } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { utf8ByteLength } from './utf8ByteLength.js';

describe('utf8ByteLength', () => {
  it.each(['', 'abc', 'é', '校园电话', '😀', 'a校😀é', '\uD800', 'x'.repeat(40)])('counts %j like Node does', (text) => {
    expect(utf8ByteLength(text)).toBe(Buffer.byteLength(text, 'utf8'));
  });

  it('counts 1, 2, 3 and 4 bytes per character by code point', () => {
    expect([utf8ByteLength('a'), utf8ByteLength('é'), utf8ByteLength('校'), utf8ByteLength('😀')]).toEqual([1, 2, 3, 4]);
  });
});
