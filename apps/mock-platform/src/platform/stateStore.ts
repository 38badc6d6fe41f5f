import { mkdir, open, readdir, readFile, rename, unlink } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { StateFile } from '@wxvoip/contracts';
import type { CoreChange, NamespaceStorage, PlatformCore } from '../core/platformCore.js';
import { parseStateFile, STATE_FILE_WAY_OUT, StateFileError } from './parseStateFile.js';

/** Default delay (ms) between a change and the write that saves it; changes in between share one write. */
export const DEFAULT_PERSIST_DELAY_MS = 50;

/** Options of {@link openStateStore}. */
export interface StateStoreOptions {
  /** The data directory (created with mode 0700 if missing). */
  dataDir: string;
  /** Delete every saved namespace before loading (the CLI's `--wipe-state`). */
  wipe?: boolean;
  /** Delay (ms) from the first change to its write. Default {@link DEFAULT_PERSIST_DELAY_MS}. */
  delayMs?: number;
  /** Reports a failed write (the state stays in memory and is written again after the next change). */
  onError?: (error: unknown) => void;
}

/** The listening platform's state store: the saved namespaces of a data directory, written after each change. */
export interface StateStore extends NamespaceStorage {
  /** The data directory, absolute. */
  readonly location: string;
  /** The namespaces found in the data directory at start. */
  readonly loaded: readonly string[];
  /** Starts saving the core's namespaces after each change. */
  attach(core: PlatformCore): void;
  /** Writes every pending change now. */
  flush(): Promise<void>;
  /** Writes what is pending, stops listening and releases the data directory. */
  close(): Promise<void>;
}

const NAMESPACES_DIR = 'namespaces';
const LOCK_FILE = 'wxvoip-mock.lock';
/** Data directories held by this process (a second platform in the same process must not share one). */
const heldHere = new Set<string>();
let tempSeq = 0;

/**
 * Opens a data directory (ADR 0015): takes its lock, deletes leftover temporary files of an interrupted write, reads
 * and checks every `namespaces/<namespace>.json`, and refuses to start (a {@link StateFileError} naming the file and
 * the way out) when one is unreadable, damaged or from a newer version, leaving it untouched. Writes are crash-safe:
 * a temporary file in the same directory (mode 0600), written, flushed (fsync), renamed over the old file, then the
 * directory flushed, so a kill at any moment leaves the old or the new state.
 *
 * @example
 * const store = await openStateStore({ dataDir: '.wxvoip-mock' });
 * const core = new PlatformCore({ seed: demoSeed, storage: store });
 * store.attach(core);
 * // … on shutdown:
 * await store.close();
 */
export async function openStateStore(options: StateStoreOptions): Promise<StateStore> {
  const root = resolve(options.dataDir);
  const dir = join(root, NAMESPACES_DIR);
  try {
    await mkdir(dir, { recursive: true, mode: 0o700 });
  } catch (error) {
    throw new StateFileError(root, `cannot start: the data directory ${root} cannot be created (${(error as Error).message}). Pass another --data-dir, or --ephemeral to keep nothing.`);
  }
  const releaseLock = await lock(root);
  try {
    const names = (await readdir(dir)).sort();
    for (const name of names) if (name.startsWith('.') && name.endsWith('.tmp')) await unlink(join(dir, name)).catch(() => undefined);
    const files = names.filter((name) => name.endsWith('.json') && !name.startsWith('.'));
    if (options.wipe) {
      for (const name of files) await unlink(join(dir, name));
      await syncDir(dir);
    }
    const saved = new Map<string, string>();
    for (const name of options.wipe ? [] : files) {
      const path = join(dir, name);
      let text: string;
      try {
        text = await readFile(path, 'utf8');
      } catch (error) {
        throw new StateFileError(path, `cannot start: the state file ${path} cannot be read (${(error as Error).message}). ${STATE_FILE_WAY_OUT}`);
      }
      const namespace = name.slice(0, -'.json'.length);
      parseStateFile(path, text, namespace);
      saved.set(namespace, text);
    }
    return new FileStateStore(root, dir, saved, options, releaseLock);
  } catch (error) {
    await releaseLock();
    throw error;
  }
}

class FileStateStore implements StateStore {
  readonly loaded: readonly string[];
  /** The last text saved (or loaded) per namespace. */
  private readonly texts: Map<string, string>;
  /** The last body written per namespace (everything but the save time), to skip writes that change nothing. */
  private readonly lastBody = new Map<string, string>();
  private readonly dirty = new Set<string>();
  private readonly wiped = new Set<string>();
  /** The last state of namespaces the core evicted, until written (a use before then restores it from here). */
  private readonly evicted = new Map<string, StateFile>();
  private core: PlatformCore | undefined;
  private unsubscribe: (() => void) | undefined;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private closed = false;

  constructor(
    readonly location: string,
    private readonly dir: string,
    saved: Map<string, string>,
    private readonly options: StateStoreOptions,
    private readonly releaseLock: () => Promise<void>,
  ) {
    this.texts = saved;
    this.loaded = [...saved.keys()];
  }

  saved(namespace: string): StateFile | undefined {
    const evicted = this.evicted.get(namespace);
    if (evicted) {
      this.evicted.delete(namespace);
      return evicted;
    }
    const text = this.texts.get(namespace);
    return text === undefined ? undefined : parseStateFile(this.pathOf(namespace), text, namespace);
  }

  savedNamespaces(): string[] {
    return [...this.texts.keys()];
  }

  attach(core: PlatformCore): void {
    this.core = core;
    this.unsubscribe = core.onChange((change) => this.changed(change));
  }

  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    while (this.running) await this.running;
    if (this.dirty.size > 0 || this.wiped.size > 0) await this.run();
  }

  async close(): Promise<void> {
    await this.flush();
    this.closed = true;
    this.unsubscribe?.();
    await this.releaseLock();
  }

  private changed(change: CoreChange): void {
    if (this.closed) return;
    if (change.kind === 'wiped') {
      for (const namespace of change.namespaces) {
        this.texts.delete(namespace);
        this.lastBody.delete(namespace);
        this.dirty.delete(namespace);
        this.evicted.delete(namespace);
        this.wiped.add(namespace);
      }
    } else if (change.kind === 'evicted') {
      this.evicted.set(change.namespace, change.state);
      this.dirty.add(change.namespace);
    } else {
      this.dirty.add(change.namespace);
    }
    this.schedule();
  }

  private schedule(): void {
    if (this.timer || this.running) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.run();
    }, this.options.delayMs ?? DEFAULT_PERSIST_DELAY_MS);
  }

  private run(): Promise<void> {
    const running = this.write().finally(() => {
      this.running = undefined;
      if (!this.closed && (this.dirty.size > 0 || this.wiped.size > 0)) this.schedule();
    });
    this.running = running;
    return running;
  }

  /** One round: deletes the files of wiped namespaces, then writes each changed namespace whose state differs. */
  private async write(): Promise<void> {
    const wiped = [...this.wiped];
    this.wiped.clear();
    const dirty = [...this.dirty];
    this.dirty.clear();
    try {
      for (const namespace of wiped) await unlink(this.pathOf(namespace)).catch((error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? undefined : Promise.reject(error)));
      if (wiped.length > 0) await syncDir(this.dir);
    } catch (error) {
      this.options.onError?.(error);
    }
    for (const namespace of dirty) {
      const file = this.core?.snapshot(namespace) ?? this.evicted.get(namespace);
      if (!file) continue;
      const { format, formatVersion, namespace: name, savedAt, platformTime, ...rest } = file;
      const body = JSON.stringify(rest, null, 2);
      if (body === this.lastBody.get(namespace)) continue;
      const head = JSON.stringify({ format, formatVersion, namespace: name, savedAt, platformTime }, null, 2);
      const text = `${head.slice(0, -2)},\n${body.slice(2)}\n`;
      try {
        await writeAtomically(this.dir, `${namespace}.json`, text);
        this.lastBody.set(namespace, body);
        this.texts.set(namespace, text);
        if (this.evicted.get(namespace) === file) this.evicted.delete(namespace);
      } catch (error) {
        this.options.onError?.(error);
      }
    }
  }

  private pathOf(namespace: string): string {
    return join(this.dir, `${namespace}.json`);
  }
}

/** Temp file in the same directory (0600), write, fsync, rename over the target, fsync the directory. */
async function writeAtomically(dir: string, name: string, text: string): Promise<void> {
  const temp = join(dir, `.${name}.${process.pid}.${++tempSeq}.tmp`);
  const handle = await open(temp, 'wx', 0o600);
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(temp, join(dir, name));
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await syncDir(dir);
}

async function syncDir(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Takes `<dataDir>/wxvoip-mock.lock` (a stale lock of a process that is gone is taken over); returns its release. */
async function lock(root: string): Promise<() => Promise<void>> {
  const path = join(root, LOCK_FILE);
  if (heldHere.has(root)) throw new StateFileError(root, `cannot start: the data directory ${root} is already used by another mock platform in this process; close it first or pass another data directory.`);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(path, 'wx', 0o600);
      await handle.writeFile(`${JSON.stringify({ pid: process.pid })}\n`);
      await handle.close();
      heldHere.add(root);
      let released = false;
      return async () => {
        if (released) return;
        released = true;
        heldHere.delete(root);
        await unlink(path).catch(() => undefined);
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new StateFileError(root, `cannot start: the data directory ${root} cannot be written (${(error as Error).message}). Pass another --data-dir, or --ephemeral to keep nothing.`);
      }
      const holder = await lockHolder(path);
      if (holder !== undefined && holder !== process.pid && isAlive(holder)) {
        throw new StateFileError(root, `cannot start: the data directory ${root} is in use by another wxvoip-mock (pid ${holder}). Stop it, or pass another --data-dir.`);
      }
      await unlink(path).catch(() => undefined); // a lock left by a process that is gone (killed), or by this one
    }
  }
  throw new StateFileError(root, `cannot start: the lock ${path} of the data directory could not be taken. Pass another --data-dir.`);
}

async function lockHolder(path: string): Promise<number | undefined> {
  try {
    const pid = (JSON.parse(await readFile(path, 'utf8')) as { pid?: unknown }).pid;
    return typeof pid === 'number' && Number.isInteger(pid) ? pid : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
