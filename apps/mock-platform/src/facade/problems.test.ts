import { PROBLEM_TYPES, ProblemDetails, Seed } from '@wxvoip/contracts';
import { describe, expect, it } from 'vitest';
import { refusal } from '../core/refusal.js';
import { notFoundProblem, problem, refusalProblem, validationProblem } from './problems.js';

describe('problem', () => {
  it.each(Object.keys(PROBLEM_TYPES) as (keyof typeof PROBLEM_TYPES)[])('builds a valid %s problem with its type, title and status', (key) => {
    const response = problem(key, 'what went wrong', { instance: '/__admin/x' });
    expect(response.status).toBe(PROBLEM_TYPES[key].status);
    expect(ProblemDetails.parse(response.body)).toEqual({
      type: PROBLEM_TYPES[key].type,
      title: PROBLEM_TYPES[key].title,
      status: PROBLEM_TYPES[key].status,
      detail: 'what went wrong',
      instance: '/__admin/x',
    });
  });

  it('never sends an empty detail: it falls back to when the type occurs', () => {
    expect(problem('conflict', '').body.detail).toBe(PROBLEM_TYPES.conflict.when);
  });
});

describe('validationProblem', () => {
  it('lists each zod issue with its dotted path and names the first in the detail', () => {
    const parsed = Seed.safeParse({ apps: [{ appId: 'wx_a', secret: 's', models: [{ modelId: 'm', kind: 'toaster', modelType: 't' }] }] });
    if (parsed.success) throw new Error('the seed should be invalid');
    const { status, body } = validationProblem(parsed.error.issues, '/__admin/seed');
    expect(status).toBe(400);
    expect(ProblemDetails.parse(body).type).toBe('urn:wxvoip:problem:validation');
    expect(body.errors).toEqual([{ path: 'apps.0.models.0.kind', message: "kind must be 'linux', 'rtos' or 'wmpf'" }]);
    expect(body.detail).toBe("1 field issue(s); first: apps.0.models.0.kind: kind must be 'linux', 'rtos' or 'wmpf'");
    expect(body.instance).toBe('/__admin/seed');
  });

  it('keeps dotted paths and names a whole-body issue "(body)"', () => {
    const { body } = validationProblem([{ path: '', message: 'body must be an object' }, { path: 'a.b', message: 'x' }]);
    expect(body.errors).toEqual([
      { path: '', message: 'body must be an object' },
      { path: 'a.b', message: 'x' },
    ]);
    expect(body.detail).toBe('2 field issue(s); first: (body): body must be an object');
    expect(body.instance).toBeUndefined();
  });

  it('still says something useful without issues', () => {
    expect(ProblemDetails.parse(validationProblem([]).body).detail).toBe('the request does not match the control API contract');
  });
});

describe('refusal problems', () => {
  it("carry the core refusal's rule, catalogue key, code and stage", () => {
    const refused = refusal('MODEL_ID_CHECK_FAILED', 'arguments', 'model_id m-9 is not a model of wx_a');
    const { status, body } = refusalProblem('invalidState', refused, '/__admin/apps/wx_a/sn-tickets');
    expect(status).toBe(409);
    expect(body.detail).toBe('model_id m-9 is not a model of wx_a (core refusal MODEL_ID_CHECK_FAILED, code 9800003, stage arguments)');
  });

  it('names the missing entity and the namespace in a 404', () => {
    const { status, body } = notFoundProblem('room', 'r-404', 'default', '/__admin/rooms/r-404');
    expect(status).toBe(404);
    expect(ProblemDetails.parse(body).detail).toBe('room "r-404" does not exist in namespace "default"');
  });
});
