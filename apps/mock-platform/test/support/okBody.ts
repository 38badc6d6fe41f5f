import { expect } from 'vitest';

/**
 * The body of a successful control-handler response; the test fails when the handler answered a problem.
 *
 * @example
 * expect(okBody(control.getClock({ headers })).mode).toBe('manual');
 */
export function okBody<R extends { status: number; body: unknown }>(response: R): Exclude<R, { status: 400 | 404 | 409 | 500 }>['body'] {
  expect(response.status).toBeLessThan(300);
  return response.body as Exclude<R, { status: 400 | 404 | 409 | 500 }>['body'];
}
