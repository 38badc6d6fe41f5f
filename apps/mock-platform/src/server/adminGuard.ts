import type { FastifyReply, FastifyRequest } from 'fastify';
import { CONTROL_PREFIX } from '@wxvoip/contracts';
import { adminRefusal, isGuardedPath, type AdminGuardOptions } from '../http/adminRefusal.js';
import { INSPECTOR_PATH } from '../http/inspectorPath.js';
import { PROBLEM_CONTENT_TYPE } from '../http/requestErrors.js';

/**
 * The platform's one fastify `onRequest` hook (one hook, not two: every hook costs every request; issue 19):
 *
 * 1. applies {@link adminRefusal} to `/__admin` and `/__inspector` and answers a refusal as an RFC 7807 problem;
 * 2. then, as WeChat reads every POST body as JSON whatever its Content-Type, makes every request's Content-Type
 *    `application/json`, so a header fastify cannot even parse ('garbage', '') never turns into its default 415.
 *    The guard looks at the header before this rewrite (a state change must really be JSON).
 */
export function adminGuard(options: AdminGuardOptions): (request: FastifyRequest, reply: FastifyReply, done: () => void) => void {
  return (request, reply, done) => {
    // Every guarded path starts with one of these: the other requests (all emulated and transport routes) pass
    // without splitting their URL.
    if (!request.url.startsWith(CONTROL_PREFIX) && !request.url.startsWith(INSPECTOR_PATH)) {
      readAsJson(request);
      done();
      return;
    }
    const path = request.url.split('?')[0] ?? request.url;
    if (!isGuardedPath(path)) {
      readAsJson(request);
      done();
      return;
    }
    const refusal = adminRefusal(
      { method: request.method, path, header: (name) => {
        const value = request.headers[name];
        return Array.isArray(value) ? value.join(', ') : value;
      } },
      options,
    );
    if (refusal === undefined) {
      readAsJson(request);
      done();
      return;
    }
    if (refusal.status === 401) void reply.header('www-authenticate', 'Basic realm="wxvoip admin", charset="UTF-8"');
    void reply.status(refusal.status).type(PROBLEM_CONTENT_TYPE).send(refusal.body);
  };
}

/** Every request body is read as JSON, whatever Content-Type it came with (WeChat's behaviour). */
function readAsJson(request: FastifyRequest): void {
  if (request.headers['content-type'] !== undefined) request.headers['content-type'] = 'application/json';
}
