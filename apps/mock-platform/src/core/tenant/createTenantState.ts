import { Seed, type SeedInput } from '@wxvoip/contracts';
import { PlatformClock, type HostScheduler } from '../clock/platformClock.js';
import { resolvePlatformConfig, type PlatformConfig } from '../config.js';
import { IdSource, type IdMode } from '../ids/idSource.js';
import { Journal } from '../journal/journal.js';
import { loadSeed } from './loadSeed.js';
import { TenantState } from './tenantState.js';

/** Options of {@link createTenantState}. */
export interface TenantStateOptions {
  /** Namespace name. Default `default`. */
  namespace?: string;
  /** Seed of the deterministic ids (tokens, tickets, roomIds). Default: the namespace. */
  idSeed?: string;
  /** Seed data, validated with the contract's `Seed` schema. */
  seed?: SeedInput;
  /** Overrides of timers and policies. */
  config?: Partial<PlatformConfig>;
  /** Host scheduler for real-time mode; without it the clock is manual. */
  host?: HostScheduler;
  /** Overrides the seed's clock mode ('real' needs `host`). */
  clockMode?: 'real' | 'manual';
  /**
   * Where tokens and room ids come from (see `IdMode`). Default: `random` when the clock starts real,
   * `deterministic` when it starts manual.
   */
  ids?: IdMode;
}

/**
 * A fresh namespace: clock (manual at the seed's time, or 2026-01-01; real when the seed asks and a host is
 * given), ids, journal and the seed's apps. Throws the seed's ZodError if the seed is invalid.
 *
 * @example
 * const state = createTenantState({ seed: demoSeed });
 */
export function createTenantState(options: TenantStateOptions = {}): TenantState {
  const namespace = options.namespace ?? 'default';
  const config = resolvePlatformConfig(options.config);
  const seed = options.seed === undefined ? undefined : Seed.parse(options.seed);
  const clockSeed = seed?.clock;
  const clock = new PlatformClock({
    ...(options.host ? { host: options.host } : {}),
    ...(clockSeed?.mode === 'manual' ? { startAt: clockSeed.now } : {}),
    mode: (options.clockMode ?? clockSeed?.mode) === 'real' && options.host ? 'real' : 'manual',
  });
  const ids = new IdSource(options.idSeed ?? namespace, options.ids ?? (clock.mode === 'real' ? 'random' : 'deterministic'));
  const state = new TenantState(namespace, clock, ids, new Journal(() => clock.now(), config.journalCapacity, config.journalByteBudget), config);
  if (seed) loadSeed(state, seed);
  return state;
}
