import { describe, expect, it } from 'vitest';
import { CustomBtnText } from './customBtnText.js';

describe('CustomBtnText (P §5.4)', () => {
  it('accepts a label', () => {
    expect(CustomBtnText.parse('Open door')).toBe('Open door');
  });

  it.each([
    [undefined, 'btnText is required'],
    [5, 'btnText must be a string'],
  ])('rejects %j', (value, message) => {
    expect(CustomBtnText.safeParse(value).error?.issues[0]?.message).toContain(message);
  });
});
