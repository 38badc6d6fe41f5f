import { describe, expect, it } from 'vitest';
import { AppId, RoomType, Sn, SN_MAX_BYTES } from './identifiers.js';

describe('Sn', () => {
  it('accepts 1 to 128 bytes of [0-9A-Za-z_-]', () => {
    expect(Sn.parse('A-z_09')).toBe('A-z_09');
    expect(Sn.parse('x'.repeat(SN_MAX_BYTES))).toHaveLength(128);
  });

  it.each([
    ['', 'must not be empty'],
    ['x'.repeat(SN_MAX_BYTES + 1), 'at most 128 bytes'],
    ['has space', '[0-9A-Za-z_-]'],
    ['中文', '[0-9A-Za-z_-]'],
  ])('rejects %j with a message naming the SN rule', (input, message) => {
    const result = Sn.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain(message);
  });
});

describe('RoomType', () => {
  it('knows voice and video only', () => {
    expect(RoomType.options).toEqual(['voice', 'video']);
    expect(RoomType.safeParse('audio').error?.issues[0]?.message).toBe("roomType must be 'voice' or 'video'");
  });
});

describe('AppId', () => {
  it('rejects an empty id', () => {
    expect(AppId.safeParse('').success).toBe(false);
  });
});
