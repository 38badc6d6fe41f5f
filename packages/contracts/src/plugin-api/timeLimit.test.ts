import { describe, expect, it } from 'vitest';
import { TimeLimit } from './timeLimit.js';

describe('TimeLimit (P §3.1, §12.1)', () => {
  it.each([1, 0.5, 3600])('accepts %d', (value) => {
    expect(TimeLimit.parse(value)).toBe(value);
  });

  it.each([
    [0, 'timeLimit must be greater than 0'],
    [-1, 'timeLimit must be greater than 0'],
    [Number.POSITIVE_INFINITY, 'timeLimit must be a finite number'],
    ['60', 'timeLimit must be a number of seconds greater than 0'],
  ])('rejects %j', (value, message) => {
    expect(TimeLimit.safeParse(value).error?.issues[0]?.message).toContain(message);
  });
});
