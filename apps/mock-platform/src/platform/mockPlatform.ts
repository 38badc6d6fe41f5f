import { initClient, type ApiFetcherArgs } from '@ts-rest/core';
import { controlContract, DEMO_PUSH_URL, demoSeed, NAMESPACE_HEADER, type SeedInput } from '@wxvoip/contracts';
import type { FastifyInstance } from 'fastify';
import type { PlatformClock } from '../core/clock/platformClock.js';
import type { PlatformConfig } from '../core/config.js';
import type { IdMode } from '../core/ids/idSource.js';
import { PlatformCore } from '../core/platformCore.js';
import type { PlatformTenant } from '../core/platformTenant.js';
import { attachCallbackSender, verifyPushUrl, type VerifyPushUrlResult } from '../http/callbacks/index.js';
import { ADMIN_TOKEN_ENV, ADMIN_TOKEN_HEADER, isLoopbackHost } from '../http/adminRefusal.js';
import { createServer } from '../server/createServer.js';
import type { ResponseValidation } from '../http/responseValidation.js';
import { nodeHostScheduler, sleep } from './hostScheduler.js';
import { nodeHttpFetch } from './nodeHttpFetch.js';
import { openStateStore, type StateStore } from './stateStore.js';

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
  /** With a logger: false logs requests at `debug`, one line each, instead of fastify's two `info` lines. Default true. */
  logRequests?: boolean;
  /** Called for each namespace tenant created (attach senders, observers). */
  onTenant?: (tenant: PlatformTenant) => void;
  /** How responses are checked against the contract: `compiled` (default), `firstOfShape` or `every` (ADRs 0023, 0046). */
  responseValidation?: ResponseValidation;
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
  /**
   * Keep the state in this data directory across restarts (ADR 0015): every namespace is saved to
   * `<dataDir>/namespaces/<namespace>.json` shortly after each change and at `close()`, and restored at the next
   * start. Default: none, everything stays in memory. A damaged or newer-version state file stops the start with a
   * `StateFileError` and is left as it is.
   */
  dataDir?: string;
  /** With `dataDir`: delete the saved state before starting (the CLI's `--wipe-state`). */
  wipeState?: boolean;
  /** With `dataDir`: ms from a change to the write that saves it (default 50). */
  persistDelayMs?: number;
  /**
   * Replace the demo seed's placeholder push URL (`DEMO_PUSH_URL`) with the same path one port above the listening
   * one (`http://127.0.0.1:3001/wechat/callback` for port 3000), in the seed and in namespaces already created, so
   * that callbacks go next to this platform rather than to a port it may itself hold. Default false (the CLI sets it).
   */
  followDemoPushUrl?: boolean;
  /**
   * Verify each seeded push URL at start and log the outcome (WeChat does so when the configuration is saved).
   * Default true; the CLI verifies itself and prints the outcome in its banner.
   */
  verifyPushUrlsAtStart?: boolean;
}

/** Where a listening platform keeps its state. */
export interface PlatformStorage {
  /** The data directory, absolute. */
  readonly dataDir: string;
  /** The namespaces found saved there at start (each is restored on its first use). */
  readonly loaded: readonly string[];
  /** Writes every pending change now (the state is also written shortly after each change and at close). */
  flush(): Promise<void>;
}

/** The push URL the demo placeholder becomes for a platform listening at `baseUrl`: same path, one port above. */
export function followingPushUrl(baseUrl: string): string {
  const base = new URL(baseUrl);
  const port = Number(base.port);
  const host = ['0.0.0.0', '[::]', 'localhost'].includes(base.hostname) ? '127.0.0.1' : base.hostname;
  return `http://${host}:${port >= 65_535 ? port - 1 : port + 1}${new URL(DEMO_PUSH_URL).pathname}`;
}

/** A seed with every app's demo placeholder push URL replaced by `url`; the same seed when none has it. */
function withPushUrl(seed: SeedInput, url: string): SeedInput {
  if (!seed.apps?.some((app) => app.pushConfig?.url === DEMO_PUSH_URL)) return seed;
  return { ...seed, apps: seed.apps.map((app) => (app.pushConfig?.url === DEMO_PUSH_URL ? { ...app, pushConfig: { ...app.pushConfig, url } } : app)) };
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
  /** Where the state is kept across restarts, or undefined when it lives only in memory. */
  readonly storage: PlatformStorage | undefined;
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

async function build(options: MockPlatformOptions, clock: 'manual' | 'real', store?: StateStore, loopback = true): Promise<{ core: PlatformCore; app: FastifyInstance }> {
  const seed = seedOf(options.seed);
  const core = new PlatformCore({
    ...(seed === undefined ? {} : { seed }),
    ...(store === undefined ? {} : { storage: store }),
    ...(options.config === undefined ? {} : { config: options.config }),
    host: nodeHostScheduler,
    clockMode: clock,
    ...(options.ids === undefined ? {} : { ids: options.ids }),
    onTenant: (tenant) => {
      attachCallbackSender(tenant);
      options.onTenant?.(tenant);
    },
  });
  const app = await createServer({
    core,
    logger: options.logger ?? false,
    ...(options.logRequests === undefined ? {} : { logRequests: options.logRequests }),
    delay: sleep,
    ...(options.responseValidation === undefined ? {} : { responseValidation: options.responseValidation }),
    adminToken: options.adminToken,
    loopback,
  });
  return { core, app };
}

function controlClient(baseUrl: string, namespace: string | undefined, adminToken: string | undefined, fetcher?: (args: ApiFetcherArgs) => Promise<{ status: number; body: unknown; headers: Headers }>): ControlClient {
  return initClient(controlContract, {
    baseUrl,
    baseHeaders: { ...(namespace === undefined ? {} : { [NAMESPACE_HEADER]: namespace }), ...(adminToken === undefined ? {} : { [ADMIN_TOKEN_HEADER]: adminToken }) },
    ...(fetcher === undefined ? {} : { api: fetcher }),
  }) as ControlClient;
}

function platform(url: string, core: PlatformCore, app: FastifyInstance, adminToken: string | undefined, fetcher?: Parameters<typeof controlClient>[3], store?: StateStore, listening = false): MockPlatform {
  return {
    url,
    app,
    core,
    storage: store && { dataDir: store.location, loaded: store.loaded, flush: () => store.flush() },
    tenant: (namespace) => core.tenant(namespace),
    clock: (namespace) => core.tenant(namespace).state.clock,
    reset: (namespace) => core.reset(namespace),
    control: (namespace) => controlClient(url, namespace, adminToken, fetcher),
    verifyPushUrl: async (appId, namespace) => {
      const config = core.tenant(namespace).state.app(appId)?.pushConfig;
      if (!config) {
        return { ok: false, url: '', query: { signature: '', timestamp: '', nonce: '', echostr: '' }, status: null, body: '', reason: 'badUrl', detail: `app ${appId} has no push URL configured` } as VerifyPushUrlResult;
      }
      // A listening platform checks over node:http (no undici load at start); in-process, the global fetch (msw).
      return verifyPushUrl(config, listening ? { fetch: nodeHttpFetch } : {});
    },
    close: async () => {
      if (store) {
        // Calls end (and are billed) first, so the last write holds no room in flight; then the store lets go.
        for (const namespace of core.namespaces()) core.tenant(namespace).shutdown('shutdown');
        await store.close();
      }
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
 * const kept = await startMockPlatform({ port: 0, dataDir: '.wxvoip-mock' }); // survives a restart
 */
export async function startMockPlatform(options: ListenOptions = {}): Promise<MockPlatform> {
  const host = options.host ?? '127.0.0.1';
  const loopback = isLoopbackHost(host);
  if (!loopback && (options.adminToken === undefined || options.adminToken === '')) throw new AdminTokenRequiredError(host);
  const store =
    options.dataDir === undefined
      ? undefined
      : await openStateStore({
          dataDir: options.dataDir,
          ...(options.wipeState === undefined ? {} : { wipe: options.wipeState }),
          ...(options.persistDelayMs === undefined ? {} : { delayMs: options.persistDelayMs }),
          onError: (error) => console.error(`wxvoip-mock: saving the state failed, it will be tried again after the next change: ${error instanceof Error ? error.message : String(error)}`),
        });
  const started: { platform?: MockPlatform } = {};
  const withVerification: ListenOptions = {
    ...options,
    onTenant: (tenant) => {
      // Like WeChat when the developer saves a push configuration: verify the URL (D §4.13), and say what happened.
      tenant.onPushConfigChanged = (changed) => {
        const running = started.platform;
        if (!running || !changed.pushConfig) return;
        const url = changed.pushConfig.url;
        void running.verifyPushUrl(changed.appId, tenant.state.namespace).then((result) => logVerification(running.app, changed.appId, url, result));
      };
      options.onTenant?.(tenant);
    },
  };
  let built: { core: PlatformCore; app: FastifyInstance };
  let address: string;
  try {
    built = await build(withVerification, options.clock ?? 'real', store, loopback);
    store?.attach(built.core);
    address = await built.app.listen({ host, port: options.port ?? 0 });
  } catch (error) {
    await store?.close();
    throw error;
  }
  const { core, app } = built;
  const running = platform(address.replace('[::1]', '127.0.0.1'), core, app, options.adminToken, undefined, store, true);
  started.platform = running;
  if (options.followDemoPushUrl === true) followDemoPushUrl(core, seedOf(options.seed), followingPushUrl(running.url));
  // Saved namespaces come back now, so rooms that were in flight end (and are journalled) at the start.
  for (const namespace of store?.loaded ?? []) core.tenant(namespace);
  if (options.verifyPushUrlsAtStart === false) return running;
  // Like WeChat when the push configuration is saved: check each seeded push URL, and say what happened.
  for (const seeded of core.tenant().state.apps.values()) {
    if (!seeded.pushConfig) continue;
    const url = seeded.pushConfig.url;
    void running.verifyPushUrl(seeded.appId).then((result) => logVerification(app, seeded.appId, url, result));
  }
  return running;
}

function logVerification(app: FastifyInstance, appId: string, url: string, result: VerifyPushUrlResult): void {
  app.log[result.ok ? 'info' : 'warn'](
    { appId, url, reason: result.reason },
    result.ok ? `push URL of ${appId} verified: ${url} echoed echostr` : `push URL verification of ${appId} failed: ${result.detail}; callbacks to it will fail until it answers`,
  );
}

/** Points the demo placeholder push URL at `url` for namespaces created from now on and those that exist already. */
function followDemoPushUrl(core: PlatformCore, seed: SeedInput | undefined, url: string): void {
  if (seed === undefined) return;
  core.setSeed(withPushUrl(seed, url));
  for (const namespace of core.namespaces()) {
    for (const app of core.tenant(namespace).state.apps.values()) {
      if (app.pushConfig?.url === DEMO_PUSH_URL) app.pushConfig = { ...app.pushConfig, url };
    }
  }
}
