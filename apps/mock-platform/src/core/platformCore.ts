import { DEFAULT_NAMESPACE, Namespace, type SeedInput, type StateFile } from '@wxvoip/contracts';
import type { HostScheduler } from './clock/platformClock.js';
import type { PlatformConfig } from './config.js';
import type { IdMode } from './ids/idSource.js';
import { restoreNamespace } from './persistence/restoreNamespace.js';
import { snapshotNamespace } from './persistence/snapshotNamespace.js';
import { PlatformTenant } from './platformTenant.js';

/**
 * Where saved namespaces come from (ADR 0015). The core only reads plain data through it; the adapter that
 * implements it (the listening platform's state store) does the file I/O.
 */
export interface NamespaceStorage {
  /** Where the state lives, for people (the data directory). */
  readonly location: string;
  /** The saved state of a namespace, or undefined when none is saved. */
  saved(namespace: string): StateFile | undefined;
  /** Every namespace with a saved state. */
  savedNamespaces(): string[];
}

/**
 * What changed in the core: a namespace's state may differ (`changed`), namespaces were wiped (`wiped`), or an idle
 * namespace was evicted for the `maxNamespaces` cap (`evicted`, with its last state, which its next use restores).
 */
export type CoreChange =
  | { readonly kind: 'changed'; readonly namespace: string }
  | { readonly kind: 'wiped'; readonly namespaces: readonly string[] }
  | { readonly kind: 'evicted'; readonly namespace: string; readonly state: StateFile };

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
  /** Saved namespaces: a namespace with a saved state starts from it on first use instead of from the seed. */
  storage?: NamespaceStorage;
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
  private readonly listeners = new Set<(change: CoreChange) => void>();
  /** Namespaces never evicted: `default` and those first used through the control API. */
  private readonly kept = new Set<string>([DEFAULT_NAMESPACE]);
  private evictedCount = 0;
  /** The tenant last moved to the end of {@link tenants}: using it again needs no reordering (one per request). */
  private lastUsed: PlatformTenant | undefined;

  constructor(private readonly options: PlatformCoreOptions = {}) {
    this.options = { ...options };
  }

  /**
   * The tenant of a namespace, created on first use from its saved state (see {@link NamespaceStorage}) or else
   * from the seed (which may evict an idle one, see `maxNamespaces`). `keep: true` (the control API) keeps the
   * namespace from eviction. Throws a RangeError for an invalid name.
   */
  tenant(namespace: string = DEFAULT_NAMESPACE, options: { keep?: boolean } = {}): PlatformTenant {
    if (options.keep === true) this.kept.add(namespace);
    const existing = this.tenants.get(namespace);
    if (existing === this.lastUsed && existing !== undefined) return existing;
    if (existing) {
      this.lastUsed = existing;
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
    const saved = this.options.storage?.saved(namespace);
    const tenant = this.create(namespace, saved ?? this.options.seed);
    this.tenants.set(namespace, tenant);
    this.lastUsed = tenant;
    if (saved) restoreNamespace(tenant, saved);
    return tenant;
  }

  /** The tenant of a namespace if it is in use, without creating it. */
  peek(namespace: string): PlatformTenant | undefined {
    return this.tenants.get(namespace);
  }

  /** Where saved state lives (the data directory), or undefined for a platform that keeps everything in memory. */
  get storageLocation(): string | undefined {
    return this.options.storage?.location;
  }

  /** The state of a namespace in use as plain data (a state file), or undefined when it is not in use. */
  snapshot(namespace: string): StateFile | undefined {
    const tenant = this.tenants.get(namespace);
    return tenant ? snapshotNamespace(tenant) : undefined;
  }

  /**
   * Listens to changes: `changed` after anything that may have changed a namespace (a journal entry, a control API
   * request, a reset), `wiped` when namespaces were wiped. Notifications may be spurious; a listener compares
   * snapshots if it needs to know. Returns the function that stops listening.
   */
  onChange(listener: (change: CoreChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Tells the listeners that a namespace may have changed (the control API calls it after each request). */
  touch(namespace: string): void {
    // Every journal entry touches its namespace: with no listener (no data directory), nothing to build (issue 19).
    if (this.listeners.size > 0) this.emit({ kind: 'changed', namespace });
  }

  /**
   * Forgets one namespace, or every namespace (in use or saved): calls end, parties get `bye: reset`, and the
   * namespace starts from the seed on its next use. Returns the namespaces wiped.
   */
  wipe(namespace?: string): string[] {
    const names = namespace !== undefined ? [namespace] : [...new Set([...this.tenants.keys(), ...(this.options.storage?.savedNamespaces() ?? [])])].sort();
    for (const name of names) {
      this.tenants.get(name)?.shutdown('reset');
      this.tenants.delete(name);
    }
    this.emit({ kind: 'wiped', namespaces: names });
    return names;
  }

  /**
   * Replaces the seed that namespaces created from now on, and later resets, start from. Existing namespaces keep
   * their state (a listening platform uses it once it knows its port, to point the demo push URL next to itself).
   */
  setSeed(seed: SeedInput | undefined): void {
    this.options.seed = seed;
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
      // A listener (the data directory) gets the namespace's last state, so nothing changed since its last save is lost.
      const state = this.listeners.size > 0 ? snapshotNamespace(tenant) : undefined;
      tenant.shutdown('shutdown');
      this.tenants.delete(name);
      this.evictedCount++;
      if (state) this.emit({ kind: 'evicted', namespace: name, state });
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
      this.lastUsed = undefined;
      this.touch(name);
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
    tenant.state.journal.onAppend = () => this.touch(namespace);
    this.options.onTenant?.(tenant);
    return tenant;
  }

  private emit(change: CoreChange): void {
    for (const listener of this.listeners) listener(change);
  }
}
