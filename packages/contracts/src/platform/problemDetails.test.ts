import { describe, expect, it } from 'vitest';
import { PROBLEM_TYPES, ProblemDetails } from './problemDetails.js';

describe('PROBLEM_TYPES', () => {
  it('gives each problem a stable urn, a title, an error status and when it occurs', () => {
    for (const [key, problem] of Object.entries(PROBLEM_TYPES)) {
      expect([key, problem.type]).toEqual([key, expect.stringMatching(/^urn:wxvoip:problem:[a-z-]+$/)]);
      expect(problem.title.length).toBeGreaterThan(0);
      expect(problem.when.length).toBeGreaterThan(0);
      expect(problem.status).toBeGreaterThanOrEqual(400);
    }
    const types = Object.values(PROBLEM_TYPES).map((problem) => problem.type);
    expect(new Set(types).size).toBe(types.length);
  });

  it('knows validation (400), not-found (404), invalid-state (409) and internal (500)', () => {
    expect(PROBLEM_TYPES.validation).toMatchObject({ type: 'urn:wxvoip:problem:validation', status: 400 });
    expect(PROBLEM_TYPES.notFound).toMatchObject({ type: 'urn:wxvoip:problem:not-found', status: 404 });
    expect(PROBLEM_TYPES.invalidState).toMatchObject({ type: 'urn:wxvoip:problem:invalid-state', status: 409 });
    expect(PROBLEM_TYPES.internal).toMatchObject({ type: 'urn:wxvoip:problem:internal', status: 500 });
  });
});

describe('ProblemDetails', () => {
  const validation = {
    type: 'urn:wxvoip:problem:validation',
    title: PROBLEM_TYPES.validation.title,
    status: 400,
    detail: 'the seed breaks 1 rule',
    instance: '/__admin/seed',
    errors: [{ path: 'apps.0.devices.1.modelId', message: "device 'SN-2' names modelId 'm-x' …" }],
  };

  it('parses an RFC 7807 document with field errors', () => {
    expect(ProblemDetails.parse(validation)).toEqual(validation);
  });

  it('rejects a type outside the catalogue', () => {
    const issue = ProblemDetails.safeParse({ ...validation, type: 'about:blank' }).error?.issues[0];
    expect(issue?.path).toEqual(['type']);
    expect(issue?.message).toContain('PROBLEM_TYPES');
  });

  it('ties the status to the type', () => {
    const issue = ProblemDetails.safeParse({ ...validation, status: 422 }).error?.issues[0];
    expect(issue?.path).toEqual(['status']);
    expect(issue?.message).toContain('status must be 400 for type urn:wxvoip:problem:validation');
  });

  it('needs a detail', () => {
    const issue = ProblemDetails.safeParse({ ...validation, detail: '' }).error?.issues[0];
    expect(issue?.path).toEqual(['detail']);
    expect(issue?.message).toContain('how to fix it');
  });
});
