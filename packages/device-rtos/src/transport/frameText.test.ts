import { describe, expect, it } from 'vitest';
import { frameText } from './frameText.js';

const TEXT = '{"type":"ping","seq":1,"note":"末尾 ✓"}';
const bytes = new TextEncoder().encode(TEXT);

describe('frameText', () => {
  it('reads a text frame as is', async () => {
    expect(await frameText(TEXT)).toBe(TEXT);
  });

  it('decodes binary frames as UTF-8: Buffer, ArrayBuffer, a typed array over part of a buffer, Blob', async () => {
    expect(await frameText(Buffer.from(TEXT, 'utf8'))).toBe(TEXT);
    expect(await frameText(bytes.slice().buffer)).toBe(TEXT);
    const padded = new Uint8Array(bytes.length + 6);
    padded.set(bytes, 3);
    expect(await frameText(padded.subarray(3, 3 + bytes.length))).toBe(TEXT);
    expect(await frameText(new Blob([bytes]))).toBe(TEXT);
  });

  it("joins ws's fragments, even when a character is split between two", async () => {
    const cut = TEXT.indexOf('末') + 1; // inside the 3-byte character's UTF-8 encoding once encoded
    const encodedCut = new TextEncoder().encode(TEXT.slice(0, cut)).length - 1;
    expect(await frameText([Buffer.from(bytes.subarray(0, encodedCut)), Buffer.from(bytes.subarray(encodedCut))])).toBe(TEXT);
  });

  it('gives undefined for anything that is not a frame', async () => {
    expect(await frameText(42)).toBeUndefined();
    expect(await frameText({ data: TEXT })).toBeUndefined();
    expect(await frameText(undefined)).toBeUndefined();
  });
});
