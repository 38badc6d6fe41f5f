import { DEFAULT_NAMESPACE, Namespace, type SeedInput } from '@wxvoip/contracts';
import type { HostScheduler } from './clock/platformClock.js';
import type { PlatformConfig } from './config.js';
import type { IdMode } from './ids/idSource.js';
import { PlatformTenant } from './platformTenant.js';

/** Options of {@link PlatformCore}. */
export interface PlatformCoreOptions {
  /** The seed every namespace starts from (and returns to on reset). Default: no apps. */
  seed?: SeedInput;
  /** Timer and policy overrides for every namespace. */
  config?: Partial<PlatformConfig>;
  /** Host scheduler: with it, namespaces can follow real time (the seed's `clock.mode: 'real'`). */
  host?: HostScheduler;
  /** Clock mode of every namespace, overriding the seed's (`real` needs `host`). */
  clockMode?: 'real' | 'manual';
  /** Prefix of the deterministic id seed; each namespace adds its own name. Default `wxvoip`. */
  idSeed?: string;
  /**
   * Where tokens and room ids come from: `random` (CSPRNG, unguessable) or `deterministic` (seeded, reproducible).
   * Default: `random` for a namespace whose clock starts real, `deterministic` on a manual clock.
   */
  ids?: IdMode;
  /** Called when a namespace is created or reset, so adapters can attach senders to its new tenant. */
  onTenant?: (tenant: PlatformTenant) => void;
  /**
   * Most namespaces held at once. Creating one more evicts the least recently used idle namespace (no connected
   * party, no call in progress) that is not kept: `default` and namespaces first used through the control API are
   * kept. When none can be evicted the new namespace is created anyway. [I] Default 100.
   */
  maxNamespaces?: number;
}

/** Default of {@link PlatformCoreOptions.maxNamespaces}. */
export const DEFAULT_MAX_NAMESPACES = 100;

/**
 * The mock platform's core: isolated namespaces created on first use from one seed. Parallel tests pass different
 * namespaces (the `x-wxvoip-namespace` header) and see neither each other's state nor each other's time.
 *
 * @example
 * const core = new PlatformCore({ seed: demoSeed });
 * const tenant = core.tenant('test-1');
 * core.reset('test-1'); // back to the seed: calls end, parties get `bye`, timers stop
 */
export class PlatformCore {
  /** Tenants in least-recently-used order (each use moves one to the end). */
  private readonly tenants = new Map<string, PlatformTenant>();
  /** Namespaces never evicted: `default` and those first used through the control API. */
  private readonly kept = new Set<string>([DEFAULT_NAMESPACE]);
  private evictedCount = 0;

  constructor(private readonly options: PlatformCoreOptions = {}) {}

  /**
   * The tenant of a namespace, created from the seed on first use (which may evict an idle one, see
   * `maxNamespaces`). `keep: true` (the control API) keeps the namespace from eviction. Throws a RangeError for an
   * invalid name.
   */
  tenant(namespace: string = DEFAULT_NAMESPACE, options: { keep?: boolean } = {}): PlatformTenant {
    if (options.keep === true) this.kept.add(namespace);
    const existing = this.tenants.get(namespace);
    if (existing) {
      this.tenants.delete(namespace);
      this.tenants.set(namespace, existing);
      return existing;
    }
    const parsed = Namespace.safeParse(namespace);
    if (!parsed.success) {
      this.kept.delete(namespace);
      throw new RangeError(parsed.error.issues[0]?.message ?? `invalid namespace "${namespace}"`);
    }
    this.evictIdle(Math.max(1, this.options.maxNamespaces ?? DEFAULT_MAX_NAMESPACES) - 1);
    const tenant = this.create(namespace, this.options.seed);
    this.tenants.set(namespace, tenant);
    return tenant;
  }

  /** Namespaces evicted so far for the `maxNamespaces` cap. */
  get evicted(): number {
    return this.evictedCount;
  }

  /** Evicts least recently used idle namespaces that are not kept until at most `room` remain (when it can). */
  private evictIdle(room: number): void {
    if (this.tenants.size <= room) return;
    for (const [name, tenant] of this.tenants) {
      if (this.tenants.size <= room) return;
      if (this.kept.has(name) || tenant.parties.list().length > 0 || tenant.rooms.activeCount > 0) continue;
      tenant.shutdown('shutdown');
      this.tenants.delete(name);
      this.evictedCount++;
    }
  }

  /** Namespaces in use. */
  namespaces(): string[] {
    return [...this.tenants.keys()];
  }

  /** Resets one namespace (or all) to the seed, or to another seed given here. */
  reset(namespace?: string, seed: SeedInput | undefined = this.options.seed): void {
    const names = namespace === undefined ? [...this.tenants.keys()] : [namespace];
    for (const name of names) {
      this.tenants.get(name)?.shutdown('reset');
      this.tenants.set(name, this.create(name, seed));
    }
  }

  /** Stops every namespace: calls end, parties get `bye`, timers stop. */
  close(): void {
    for (const tenant of this.tenants.values()) tenant.shutdown('shutdown');
    this.tenants.clear();
  }

  private create(namespace: string, seed: SeedInput | undefined): PlatformTenant {
    const tenant = new PlatformTenant({
      namespace,
      idSeed: `${this.options.idSeed ?? 'wxvoip'}:${namespace}`,
      ...(seed === undefined ? {} : { seed }),
      ...(this.options.config === undefined ? {} : { config: this.options.config }),
      ...(this.options.host === undefined ? {} : { host: this.options.host }),
      ...(this.options.clockMode === undefined ? {} : { clockMode: this.options.clockMode }),
      ...(this.options.ids === undefined ? {} : { ids: this.options.ids }),
    });
    this.options.onTenant?.(tenant);
    return tenant;
  }
}
