import { controlContract, DEFAULT_NAMESPACE, Namespace, NAMESPACE_HEADER, type ControlContract, type ControlRouteKey } from '@wxvoip/contracts';
import type { PlatformCore } from '../../core/platformCore.js';
import type { PlatformTenant } from '../../core/platformTenant.js';
import type { AppState } from '../../core/tenant/entities.js';
import { notFoundProblem, problem, validationProblem, type ProblemResponse } from '../problems.js';
import { namespaceOf, type RequestHeaders, type RouterHandlers } from '../routeHandlers.js';

/** Every handler of the control API. */
export type ControlHandlers = RouterHandlers<ControlContract>;

/** What one control handler works with: the core, the namespace and its tenant, and the request path. */
export interface ControlContext {
  readonly core: PlatformCore;
  /** The namespace of the request (`x-wxvoip-namespace`, or `default`). */
  readonly namespace: string;
  /** The namespace's current tenant, created from the platform seed on first use (read it after a reset again). */
  readonly tenant: PlatformTenant;
  /** The request path with its parameters filled in: the `instance` of every problem. */
  readonly instance: string;
}

/** The parts of a validated request every control handler reads. */
export interface ControlRequestBase {
  readonly headers: RequestHeaders;
  readonly params?: Readonly<Record<string, string>>;
}

/**
 * Runs one control handler: resolves the namespace (400 for a malformed header), fills in the request path, and
 * turns an unexpected exception (a mock bug, never user input) into a 500 `internal` problem instead of a crash.
 */
export function withTenant<R>(
  core: PlatformCore,
  key: ControlRouteKey,
  request: ControlRequestBase,
  work: (context: ControlContext) => R,
): R | ProblemResponse<'validation'> | ProblemResponse<'internal'> {
  const instance = instanceOf(key, request.params);
  const namespace = namespaceOf(request.headers) ?? DEFAULT_NAMESPACE;
  const parsed = Namespace.safeParse(namespace);
  if (!parsed.success) {
    return validationProblem(parsed.error.issues.map((issue) => ({ path: [NAMESPACE_HEADER], message: issue.message })), instance);
  }
  const context: ControlContext = {
    core,
    namespace,
    instance,
    get tenant() {
      // A namespace used through the control API is set up on purpose: it is never evicted.
      return core.tenant(namespace, { keep: true });
    },
  };
  try {
    return work(context);
  } catch (error) {
    const why = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return problem('internal', `${key} failed inside the mock platform (${why}); this is a bug, please report it with the request`, { instance });
  } finally {
    // Control requests are not journalled, so they say themselves that the namespace may have changed (persistence).
    core.touch(namespace);
  }
}

/** The app named in the path, or the 404 problem that says it does not exist in the namespace. */
export function appOrNotFound(context: ControlContext, appId: string): { app: AppState } | { missing: ProblemResponse<'notFound'> } {
  const app = context.tenant.state.app(appId);
  return app ? { app } : { missing: notFoundProblem('app', appId, context.namespace, context.instance) };
}

/** The route's path with its `:params` replaced by the request's values. */
function instanceOf(key: ControlRouteKey, params: Readonly<Record<string, string>> | undefined): string {
  const path: string = controlContract[key].path;
  return path.replace(/:([A-Za-z]+)/g, (whole, name: string) => {
    const value = params?.[name];
    return value === undefined ? whole : encodeURIComponent(value);
  });
}
