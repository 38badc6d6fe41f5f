import type { FastifyReply, FastifyRequest } from 'fastify';
import { CONTROL_PREFIX } from '@wxvoip/contracts';
import { adminRefusal, isGuardedPath, type AdminGuardOptions } from '../http/adminRefusal.js';
import { INSPECTOR_PATH } from '../http/inspectorPath.js';
import { PROBLEM_CONTENT_TYPE } from '../http/requestErrors.js';

/**
 * A fastify `onRequest` hook that applies {@link adminRefusal} to `/__admin` and `/__inspector` and answers the
 * refusal as an RFC 7807 problem. Register it before any hook that rewrites `Content-Type`.
 */
export function adminGuard(options: AdminGuardOptions): (request: FastifyRequest, reply: FastifyReply, done: () => void) => void {
  return (request, reply, done) => {
    // Every guarded path starts with one of these: the other requests (all emulated and transport routes) pass
    // without splitting their URL.
    if (!request.url.startsWith(CONTROL_PREFIX) && !request.url.startsWith(INSPECTOR_PATH)) {
      done();
      return;
    }
    const path = request.url.split('?')[0] ?? request.url;
    if (!isGuardedPath(path)) {
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
      done();
      return;
    }
    if (refusal.status === 401) void reply.header('www-authenticate', 'Basic realm="wxvoip admin", charset="UTF-8"');
    void reply.status(refusal.status).type(PROBLEM_CONTENT_TYPE).send(refusal.body);
  };
}
