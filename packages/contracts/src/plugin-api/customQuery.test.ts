import { describe, expect, it } from 'vitest';
import { CustomQuery, queryStringField } from './customQuery.js';

describe('CustomQuery: the a=1&b=2 form (P §3.1)', () => {
  it.each(['a=1', 'a=1&b=2', 'callSeq=1700000000&from=door', 'empty=', 'token=abc%3D%3D', 'b64=abc=='])('accepts %j', (value) => {
    expect(CustomQuery.parse(value)).toBe(value);
  });

  it.each(['', '?a=1', '&a=1', 'a=1&', 'a', 'a=1&&b=2', '=1', 'a=1 b', 'a=1#x', 'a=hello world'])('rejects %j', (value) => {
    expect(CustomQuery.safeParse(value).error?.issues[0]?.message).toContain('customQuery must be in the form a=1&b=2');
  });

  it('rejects a non-string', () => {
    expect(CustomQuery.safeParse({ a: 1 }).error?.issues[0]?.message).toBe('customQuery must be a string in the form a=1&b=2');
  });
});

describe('queryStringField', () => {
  it('names the given field in its messages', () => {
    expect(queryStringField('options').safeParse('?x=1').error?.issues[0]?.message).toContain('options must be in the form a=1&b=2');
  });
});
