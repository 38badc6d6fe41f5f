import { describe, expect, it } from 'vitest';
import { BearerCredential, Namespace, NamespaceHeaders, PartyHeaders } from './headers.js';

describe('Namespace', () => {
  it.each(['default', 'test-42', 'w3.case_7'])('accepts %j', (value) => {
    expect(Namespace.parse(value)).toBe(value);
  });

  it.each([
    ['', 'must not be empty'],
    ['Test', 'may only contain [a-z0-9._-]'],
    ['-lead', 'must start with a letter or digit'],
    ['x'.repeat(65), 'at most 64 characters'],
  ])('rejects %j with a message naming the rule', (value, fragment) => {
    const issue = Namespace.safeParse(value).error?.issues[0];
    expect(issue?.message).toContain('x-wxvoip-namespace');
    expect(issue?.message).toContain(fragment);
  });
});

describe('BearerCredential', () => {
  it('accepts "Bearer <token>"', () => {
    expect(BearerCredential.parse('Bearer pt_abc.DEF-123')).toBe('Bearer pt_abc.DEF-123');
  });

  it.each(['pt_abc', 'bearer pt_abc', 'Bearer ', 'Bearer a b'])('rejects %j', (value) => {
    expect(BearerCredential.safeParse(value).error?.issues[0]?.message).toContain('"Bearer <token>"');
  });
});

describe('header objects', () => {
  it('NamespaceHeaders makes the namespace optional and checks it when present', () => {
    expect(NamespaceHeaders.parse({})).toEqual({});
    const issue = NamespaceHeaders.safeParse({ 'x-wxvoip-namespace': 'UPPER' }).error?.issues[0];
    expect(issue?.path).toEqual(['x-wxvoip-namespace']);
  });

  it('PartyHeaders requires the credential at path authorization', () => {
    expect(PartyHeaders.parse({ authorization: 'Bearer t0k3n_xyz' }).authorization).toBe('Bearer t0k3n_xyz');
    const issue = PartyHeaders.safeParse({ 'x-wxvoip-namespace': 'ns-1' }).error?.issues[0];
    expect(issue?.path).toEqual(['authorization']);
    expect(issue?.message).toContain('authorization header is required');
  });
});
