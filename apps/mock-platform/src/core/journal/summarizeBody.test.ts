import { JOURNAL_BODY_MAX_BYTES, JOURNAL_BODY_MAX_DEPTH } from '@wxvoip/contracts';
import { describe, expect, it, vi } from 'vitest';
import { summarizeBody, utf8Length } from './summarizeBody.js';

const encoded = (text: string) => new TextEncoder().encode(text).length;

describe('utf8Length', () => {
  it.each(['', 'plain ascii', 'é à ü', '中文通话', 'emoji 📞🔔', 'lone \ud800 high', 'lone \udc00 low', 'end \ud83d'])('counts %j like TextEncoder', (text) => {
    expect(utf8Length(text)).toBe(encoded(text));
  });
});

describe('summarizeBody', () => {
  it('keeps a small shallow body whole, costing its UTF-8 JSON bytes', () => {
    const body = { sn: 'SN-1', nickname: '门铃 📞' };
    expect(summarizeBody(body)).toEqual({ kind: 'whole', value: body, bytes: encoded(JSON.stringify(body)) });
  });

  it('digests a body at the byte limit plus one, counted in UTF-8 (not UTF-16) units', () => {
    // 'é' is 1 UTF-16 unit and 2 UTF-8 bytes: the text fits in UTF-16 units but not in bytes.
    const body = { s: 'é'.repeat(JOURNAL_BODY_MAX_BYTES / 2) };
    const summary = summarizeBody(body);
    expect(summary).toMatchObject({ kind: 'digest', digest: { reason: 'size', bytes: encoded(JSON.stringify(body)) } });
  });

  it('digests a body nested one level past the depth limit, and keeps one at the limit', () => {
    const nest = (levels: number): unknown => (levels === 0 ? 1 : [nest(levels - 1)]);
    expect(summarizeBody(nest(JOURNAL_BODY_MAX_DEPTH)).kind).toBe('whole');
    expect(summarizeBody(nest(JOURNAL_BODY_MAX_DEPTH + 1))).toMatchObject({ kind: 'digest', digest: { reason: 'depth' } });
  });

  it('measures a small flat body without serializing it (no JSON.stringify per journalled body, issue 19)', () => {
    const body = { sn: 'SN-1', model_id: 'model-linux-doorbell', list: [1, 2, 'three'], nested: { ok: true, none: null } };
    const stringify = vi.spyOn(JSON, 'stringify');
    let summary;
    try {
      summary = summarizeBody(body);
      expect(stringify).not.toHaveBeenCalled();
    } finally {
      stringify.mockRestore();
    }
    expect(summary).toEqual({ kind: 'whole', value: body, bytes: encoded(JSON.stringify(body)) });
  });
});
