import { MAX_PUSH_FRAME_BYTES } from '@wxvoip/contracts';
import { describe, expect, it } from 'vitest';
import { decodePushFrame } from './decodePushFrame.js';

const ping = { type: 'ping', seq: 3, at: 1000 };
const text = JSON.stringify(ping);
const bytes = new TextEncoder().encode(text);

describe('decodePushFrame', () => {
  it.each([
    ['a text frame', text],
    ['an ArrayBuffer', bytes.buffer.slice(0)],
    ['a Uint8Array view', bytes],
    ['a Blob', new Blob([text])],
    ['ws fragments', [bytes.subarray(0, 5), bytes.subarray(5)]],
  ])('reads %s', async (_name, data) => {
    expect(await decodePushFrame(data)).toEqual({ ok: true, message: ping });
  });

  it('splits no character across ws fragments', async () => {
    const hello = new TextEncoder().encode(JSON.stringify({ type: 'bye', seq: 2, at: 0, reason: 'kicked', note: '你好' }));
    const result = await decodePushFrame([hello.subarray(0, hello.length - 4), hello.subarray(hello.length - 4)]);
    expect(result.ok).toBe(true);
  });

  it('refuses a frame over the limit before parsing it', async () => {
    const big = JSON.stringify({ ...ping, pad: 'x'.repeat(MAX_PUSH_FRAME_BYTES) });
    expect(await decodePushFrame(big)).toMatchObject({ ok: false, detail: expect.stringContaining(`over the ${MAX_PUSH_FRAME_BYTES}-byte limit`) });
    expect(await decodePushFrame(new Uint8Array(MAX_PUSH_FRAME_BYTES + 1))).toMatchObject({ ok: false, detail: expect.stringContaining('byte limit') });
  });

  it.each([
    ['not JSON', 'hello?', 'not JSON'],
    ['outside the contract', JSON.stringify({ type: 'ping', seq: 0, at: 1 }), 'seq'],
    ['an unknown type', JSON.stringify({ type: 'party', seq: 1, at: 1 }), 'push contract'],
    ['invalid UTF-8', new Uint8Array([0xff, 0xfe]), 'UTF-8'],
    ['something else', 42, 'unknown type'],
  ])('reports %s', async (_name, data, fragment) => {
    const result = await decodePushFrame(data);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.detail).toContain(fragment);
  });
});
