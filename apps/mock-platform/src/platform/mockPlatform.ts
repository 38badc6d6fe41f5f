import { initClient, type ApiFetcherArgs } from '@ts-rest/core';
import { controlContract, demoSeed, type SeedInput } from '@wxvoip/contracts';
import type { FastifyInstance } from 'fastify';
import type { PlatformClock } from '../core/clock/platformClock.js';
import type { PlatformConfig } from '../core/config.js';
import type { IdMode } from '../core/ids/idSource.js';
import { PlatformCore } from '../core/platformCore.js';
import type { PlatformTenant } from '../core/platformTenant.js';
import { attachCallbackSender, verifyPushUrl, type VerifyPushUrlResult } from '../server/callbacks/index.js';
import { ADMIN_TOKEN_ENV, ADMIN_TOKEN_HEADER, isLoopbackHost } from '../server/adminRefusal.js';
import { createServer } from '../server/createServer.js';
import { nodeHostScheduler, sleep } from './hostScheduler.js';

/** Options shared by {@link createMockPlatform} and {@link startMockPlatform}. */
export interface MockPlatformOptions {
  /** The seed every namespace starts from: a seed object, `'demo'` (the contracts' demoSeed, default) or `'empty'`. */
  seed?: SeedInput | 'demo' | 'empty';
  /** `manual` (default in-process: time moves with `clock().advance`) or `real` (default when listening). */
  clock?: 'manual' | 'real';
  /** Timer and policy overrides. */
  config?: Partial<PlatformConfig>;
  /**
   * Tokens and room ids: `random` (CSPRNG: unguessable, never repeated after a restart or reset) or `deterministic`
   * (seeded from the namespace: the same run gives the same tokens). Default: `random` on the real clock,
   * `deterministic` on the manual clock.
   */
  ids?: IdMode;
  /** fastify logger option. Default off. */
  logger?: boolean | Record<string, unknown>;
  /** Called for each namespace tenant created (attach senders, observers). */
  onTenant?: (tenant: PlatformTenant) => void;
  /**
   * Admin token of the control API and the inspector: every `/__admin` and `/__inspector` request must then carry it
   * (`Authorization: Bearer <token>`, Basic with the token as password, or `x-wxvoip-admin-token`); `control()` sends
   * it. Required by `startMockPlatform` on any host but loopback. Default none.
   */
  adminToken?: string;
}

/** Options of {@link startMockPlatform}. */
export interface ListenOptions extends MockPlatformOptions {
  /** Host to bind. Default 127.0.0.1. */
  host?: string;
  /** Port; 0 (default) picks a free one. */
  port?: number;
}

/** A typed client of the control API (`/__admin`). */
export type ControlClient = ReturnType<typeof initClient<typeof controlContract, { baseUrl: string; baseHeaders: Record<string, string> }>>;

/** A running mock platform. */
export interface MockPlatform {
  /** Base URL: the listening address, or a placeholder origin for in-process use (with msw or `inject`). */
  readonly url: string;
  /** The fastify app (use `app.inject()` in-process). */
  readonly app: FastifyInstance;
  /** The platform core behind it. */
  readonly core: PlatformCore;
  /** A namespace's tenant (default namespace when omitted). */
  tenant(namespace?: string): PlatformTenant;
  /** A namespace's clock. */
  clock(namespace?: string): PlatformClock;
  /** Resets one namespace, or all, to the seed. */
  reset(namespace?: string): void;
  /** The typed control API client, bound to a namespace. */
  control(namespace?: string): ControlClient;
  /**
   * WeChat's URL verification exchange (D §4.13) with an app's configured push URL: a signed GET with `echostr`
   * that the developer's server must echo. WeChat runs it when the developer saves the push configuration; the
   * listening platform runs it for every seeded push URL at start (logged), and tests can run it any time.
   */
  verifyPushUrl(appId: string, namespace?: string): Promise<VerifyPushUrlResult>;
  /** Stops everything: calls end, channels close, the server stops listening. */
  close(): Promise<void>;
}

/**
 * Thrown by {@link startMockPlatform} for a host other than loopback without an admin token: the control API reads
 * every secret and resets state, so it is never open to a network without one.
 */
export class AdminTokenRequiredError extends Error {
  constructor(readonly host: string) {
    super(
      `listening on ${host} exposes the control API (/__admin: every secret, reset, faults) and the inspector to the network: ` +
        `give an admin token (--admin-token <token> or ${ADMIN_TOKEN_ENV}; adminToken in startMockPlatform), or bind 127.0.0.1`,
    );
    this.name = 'AdminTokenRequiredError';
  }
}

/** Origin used by an in-process platform; msw handlers and `inject` address it. */
export const IN_PROCESS_ORIGIN = 'http://wxvoip.mock';

function seedOf(seed: MockPlatformOptions['seed']): SeedInput | undefined {
  if (seed === undefined || seed === 'demo') return demoSeed;
  if (seed === 'empty') return undefined;
  return seed;
}

async function build(options: MockPlatformOptions, clock: 'manual' | 'real', loopback = true): Promise<{ core: PlatformCore; app: FastifyInstance }> {
  const seed = seedOf(options.seed);
  const core = new PlatformCore({
    ...(seed === undefined ? {} : { seed }),
    ...(options.config === undefined ? {} : { config: options.config }),
    host: nodeHostScheduler,
    clockMode: clock,
    ...(options.ids === undefined ? {} : { ids: options.ids }),
    onTenant: (tenant) => {
      attachCallbackSender(tenant);
      options.onTenant?.(tenant);
    },
  });
  const app = await createServer({ core, logger: options.logger ?? false, delay: sleep, adminToken: options.adminToken, loopback });
  return { core, app };
}

function controlClient(baseUrl: string, namespace: string | undefined, adminToken: string | undefined, fetcher?: (args: ApiFetcherArgs) => Promise<{ status: number; body: unknown; headers: Headers }>): ControlClient {
  return initClient(controlContract, {
    baseUrl,
    baseHeaders: { ...(namespace === undefined ? {} : { 'x-wxvoip-namespace': namespace }), ...(adminToken === undefined ? {} : { [ADMIN_TOKEN_HEADER]: adminToken }) },
    ...(fetcher === undefined ? {} : { api: fetcher }),
  }) as ControlClient;
}

function platform(url: string, core: PlatformCore, app: FastifyInstance, adminToken: string | undefined, fetcher?: Parameters<typeof controlClient>[3]): MockPlatform {
  return {
    url,
    app,
    core,
    tenant: (namespace) => core.tenant(namespace),
    clock: (namespace) => core.tenant(namespace).state.clock,
    reset: (namespace) => core.reset(namespace),
    control: (namespace) => controlClient(url, namespace, adminToken, fetcher),
    verifyPushUrl: async (appId, namespace) => {
      const config = core.tenant(namespace).state.app(appId)?.pushConfig;
      if (!config) {
        return { ok: false, url: '', query: { signature: '', timestamp: '', nonce: '', echostr: '' }, status: null, body: '', reason: 'badUrl', detail: `app ${appId} has no push URL configured` } as VerifyPushUrlResult;
      }
      return verifyPushUrl(config);
    },
    close: async () => {
      core.close();
      await app.close();
    },
  };
}

/**
 * An in-process mock platform for tests: a manual clock by default, no port. Drive it with `app.inject()`, with
 * the msw handlers of `@wxvoip/mock-platform/msw`, or directly through `tenant()`.
 *
 * @example
 * const platform = await createMockPlatform();
 * const res = await platform.app.inject({ method: 'GET', url: '/cgi-bin/token?grant_type=client_credential&appid=wx_demo_app&secret=demo-app-secret' });
 * platform.clock().advance(60_000);
 * await platform.close();
 */
export async function createMockPlatform(options: MockPlatformOptions = {}): Promise<MockPlatform> {
  const { core, app } = await build(options, options.clock ?? 'manual');
  await app.ready();
  const fetcher = async (args: ApiFetcherArgs) => {
    const response = await app.inject({
      method: args.method as 'GET',
      url: args.path.replace(IN_PROCESS_ORIGIN, ''),
      headers: args.headers,
      ...(args.body === undefined || args.body === null ? {} : { payload: args.body as string }),
    });
    const isJson = String(response.headers['content-type'] ?? '').includes('json');
    return { status: response.statusCode, body: isJson && response.body !== '' ? (JSON.parse(response.body) as unknown) : response.body, headers: new Headers(response.headers as Record<string, string>) };
  };
  return platform(IN_PROCESS_ORIGIN, core, app, options.adminToken, fetcher);
}

/**
 * A listening mock platform (real HTTP and WebSocket): real time by default.
 *
 * @example
 * const platform = await startMockPlatform({ port: 0 });
 * console.log(platform.url); // http://127.0.0.1:49152
 */
export async function startMockPlatform(options: ListenOptions = {}): Promise<MockPlatform> {
  const host = options.host ?? '127.0.0.1';
  const loopback = isLoopbackHost(host);
  if (!loopback && (options.adminToken === undefined || options.adminToken === '')) throw new AdminTokenRequiredError(host);
  const { core, app } = await build(options, options.clock ?? 'real', loopback);
  const address = await app.listen({ host, port: options.port ?? 0 });
  const running = platform(address.replace('[::1]', '127.0.0.1'), core, app, options.adminToken);
  // Like WeChat when the push configuration is saved: check each seeded push URL, and say what happened.
  for (const seeded of core.tenant().state.apps.values()) {
    if (!seeded.pushConfig) continue;
    void running.verifyPushUrl(seeded.appId).then((result) =>
      app.log[result.ok ? 'info' : 'warn'](
        { appId: seeded.appId, url: seeded.pushConfig?.url, reason: result.reason },
        result.ok ? 'push URL verified (echostr echoed)' : `push URL verification failed: ${result.detail}; callbacks to it will fail until it answers`,
      ),
    );
  }
  return running;
}
