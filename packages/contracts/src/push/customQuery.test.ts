import { describe, expect, it } from 'vitest';
import { customQueryField } from './customQuery.js';

const CustomQuery = customQueryField('customQuery');

describe('customQueryField', () => {
  it.each(['', 'a=1', 'callId=42&ratio=16:9&encodeVideoFixedLength=320'])('accepts %j', (query) => {
    expect(CustomQuery.parse(query)).toBe(query);
  });

  it.each([
    ['?a=1', "customQuery must be a query string like a=1&b=2, without a leading '?' or '&'"],
    ['&a=1', "customQuery must be a query string like a=1&b=2, without a leading '?' or '&'"],
    ['a=1#top', "customQuery must not contain '#'"],
  ])('rejects %j', (query, message) => {
    const issue = CustomQuery.safeParse(query).error?.issues[0];
    expect(issue?.path).toEqual([]);
    expect(issue?.message).toContain(message);
  });

  it('names the field it validates', () => {
    expect(customQueryField('custom_query').safeParse(3).error?.issues[0]?.message).toBe('custom_query must be a query string like a=1&b=2');
  });
});
