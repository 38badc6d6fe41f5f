import { initContract } from '@ts-rest/core';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ResponseValidator, sameJson, shapeOf } from './responseValidation.js';

const c = initContract();
const contract = c.router({
  get: {
    method: 'GET',
    path: '/thing',
    responses: { 200: z.object({ errcode: z.literal(0), name: z.string().min(1), tags: z.array(z.string()) }) },
  },
  stripping: {
    method: 'GET',
    path: '/stripping',
    responses: { 200: z.object({ kept: z.string() }) },
  },
});

describe('shapeOf', () => {
  it('names keys and JSON types recursively, one entry per run of alike array elements', () => {
    expect(shapeOf({ errcode: 0, errmsg: 'ok', on: true, none: null, list: [{ a: 1 }, { a: 2 }, { a: 'x' }] })).toBe('{errcode:d,errmsg:s,on:b,none:n,list:[{a:d,},{a:s,},],}');
    expect(shapeOf({ list: [1, 2, 3] })).toBe(shapeOf({ list: [4] }));
    expect(shapeOf({ a: 1 })).not.toBe(shapeOf({ a: 1, b: 1 }));
    expect(shapeOf({ a: 1 })).not.toBe(shapeOf({ a: '1' }));
  });
});

describe('sameJson', () => {
  it('ignores key order and undefined members, nothing else', () => {
    expect(sameJson({ a: 1, b: [1, { c: 'x' }] }, { b: [1, { c: 'x' }], a: 1, d: undefined })).toBe(true);
    expect(sameJson({ a: 1 }, { a: 2 })).toBe(false);
    expect(sameJson([1, 2], [2, 1])).toBe(false);
    expect(sameJson({ a: [] }, { a: {} })).toBe(false);
  });
});

describe('ResponseValidator', () => {
  const good = (name: string, tags: string[] = ['t']) => ({ status: 200, body: { errcode: 0, name, tags } });

  it('every: parses every response', () => {
    const validator = new ResponseValidator('every');
    for (let i = 0; i < 5; i++) validator.check(contract.get, good(`n${i}`));
    expect(validator.counts).toEqual({ parsed: 5, skipped: 0 });
  });

  it('firstOfShape: parses the first response of a shape and sends the later ones as they are', () => {
    const validator = new ResponseValidator('firstOfShape');
    for (let i = 0; i < 5; i++) expect(validator.check(contract.get, good(`n${i}`, ['a', 'b'].slice(0, i % 3)))).toEqual(good(`n${i}`, ['a', 'b'].slice(0, i % 3)));
    // `tags: []` and `tags: ['a'…]` are two shapes: two parses for five responses.
    expect(validator.counts).toEqual({ parsed: 2, skipped: 3 });
  });

  it('firstOfShape: still throws on a drift that changes the shape (a missing key, a changed type)', () => {
    const validator = new ResponseValidator('firstOfShape');
    validator.check(contract.get, good('n'));
    expect(() => validator.check(contract.get, { status: 200, body: { errcode: 0, tags: [] } })).toThrow(/name/);
    expect(() => validator.check(contract.get, { status: 200, body: { errcode: 0, name: 5, tags: [] } })).toThrow(/name/);
  });

  it('firstOfShape: a shape whose first response failed is parsed again next time', () => {
    const validator = new ResponseValidator('firstOfShape');
    expect(() => validator.check(contract.get, { status: 200, body: { errcode: 0, name: '', tags: [] } })).toThrow(/name/);
    expect(validator.check(contract.get, { status: 200, body: { errcode: 0, name: 'n', tags: [] } }).body).toEqual({ errcode: 0, name: 'n', tags: [] });
    expect(validator.counts.parsed).toBe(2);
  });

  it('firstOfShape: a body the parse changes (stripped keys) is parsed every time and sent as parsed', () => {
    const validator = new ResponseValidator('firstOfShape');
    for (let i = 0; i < 3; i++) expect(validator.check(contract.stripping, { status: 200, body: { kept: 'k', secret: 's' } }).body).toEqual({ kept: 'k' });
    expect(validator.counts).toEqual({ parsed: 3, skipped: 0 });
  });

  it('compiled: checks every response, and sends the bodies zod would accept unchanged as they are, unparsed', () => {
    const validator = new ResponseValidator('compiled');
    for (let i = 0; i < 5; i++) {
      const response = good(`n${i}`, ['a', 'b'].slice(0, i % 3));
      expect(validator.check(contract.get, response).body).toBe(response.body);
    }
    expect(validator.counts).toEqual({ parsed: 0, skipped: 5 });
  });

  it('compiled: a value that breaks a rule without changing the shape still throws (firstOfShape lets it through)', () => {
    const compiled = new ResponseValidator('compiled');
    const firstOfShape = new ResponseValidator('firstOfShape');
    for (const validator of [compiled, firstOfShape]) validator.check(contract.get, good('n'));
    const empty = { status: 200, body: { errcode: 0, name: '', tags: ['t'] } };
    expect(() => compiled.check(contract.get, empty)).toThrow(/name/);
    expect(firstOfShape.check(contract.get, empty).body).toEqual(empty.body);
  });

  it('compiled: a body the compiled check cannot vouch for goes to zod (stripped keys: sent as parsed)', () => {
    const validator = new ResponseValidator('compiled');
    for (let i = 0; i < 3; i++) expect(validator.check(contract.stripping, { status: 200, body: { kept: 'k', secret: 's' } }).body).toEqual({ kept: 'k' });
    expect(validator.counts).toEqual({ parsed: 3, skipped: 0 });
    expect(() => validator.check(contract.get, { status: 200, body: { errcode: 1, name: 'n', tags: [] } })).toThrow(/errcode/);
  });

  it('compiled: a status the route declares no schema for is handled as ts-rest handles it', () => {
    const validator = new ResponseValidator('compiled');
    expect(validator.check(contract.get, { status: 500, body: { anything: true } })).toEqual({ status: 500, body: { anything: true } });
  });

  it('keeps shapes per route: the same body shape on another route is parsed there', () => {
    const validator = new ResponseValidator('firstOfShape');
    validator.check(contract.stripping, { status: 200, body: { kept: 'k' } });
    expect(() => validator.check(contract.get, { status: 200, body: { kept: 'k' } })).toThrow();
  });
});
