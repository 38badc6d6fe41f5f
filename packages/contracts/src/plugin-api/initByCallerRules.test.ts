import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { addRuleIssue, describeBusinessType, INIT_BY_CALLER_RULES } from './initByCallerRules.js';

describe('INIT_BY_CALLER_RULES', () => {
  it('describes every rule', () => {
    for (const text of Object.values(INIT_BY_CALLER_RULES)) expect(text.length).toBeGreaterThan(10);
  });

  it('names a businessType with its scenario', () => {
    expect(describeBusinessType(2)).toBe('businessType 2 (phone WeChat calls Android WMPF device)');
  });

  it('addRuleIssue adds a custom issue tagged with the rule id at the path', () => {
    const schema = z.object({ voipToken: z.string().optional() }).superRefine((_value, ctx) => {
      addRuleIssue(ctx, { rule: 'pushTokenRequired', path: ['voipToken'], message: 'voipToken is required' });
    });
    expect(schema.safeParse({}).error?.issues).toEqual([
      { code: 'custom', path: ['voipToken'], message: 'voipToken is required', params: { rule: 'pushTokenRequired' } },
    ]);
  });
});
