import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoSeed, Seed, type StateFile } from '@wxvoip/contracts';
import { afterEach, describe, expect, it } from 'vitest';
import { PlatformCore } from '../core/platformCore.js';
import { StateFileError } from './parseStateFile.js';
import { openStateStore, type StateStore } from './stateStore.js';

const APP = 'wx_demo_app';
const open: StateStore[] = [];

afterEach(async () => {
  for (const store of open.splice(0)) await store.close();
});

function freshDir(): string {
  return mkdtempSync(join(tmpdir(), 'wxvoip-state-'));
}

async function start(dataDir: string, wipe = false): Promise<{ store: StateStore; core: PlatformCore }> {
  const store = await openStateStore({ dataDir, wipe, delayMs: 5 });
  open.push(store);
  const core = new PlatformCore({ seed: demoSeed, storage: store });
  store.attach(core);
  return { store, core };
}

async function stop(store: StateStore, core: PlatformCore): Promise<void> {
  await store.close();
  open.splice(open.indexOf(store), 1);
  core.close();
}

function issueToken(core: PlatformCore, namespace?: string): string {
  const result = core.tenant(namespace).tokens.getAccessToken({ grant_type: 'client_credential', appid: APP, secret: 'demo-app-secret' });
  if (!result.ok) throw new Error(result.refusal.rule);
  core.touch(namespace ?? 'default');
  return result.value.access_token;
}

const stateFile = (dataDir: string, namespace = 'default') => join(dataDir, 'namespaces', `${namespace}.json`);

/** Starting on this file fails with a StateFileError; the file is byte for byte what it was. */
async function refusedWith(dataDir: string, content: string): Promise<string> {
  const path = stateFile(dataDir);
  writeFileSync(path, content);
  const error = await openStateStore({ dataDir }).then(
    (store) => {
      open.push(store);
      return undefined;
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StateFileError);
  expect(readFileSync(path, 'utf8')).toBe(content);
  const message = (error as StateFileError).message;
  expect(message).toContain(path);
  expect(message).toContain('--wipe-state');
  expect(message).toContain('The file was left as it is');
  return message;
}

describe('openStateStore', () => {
  it('writes each namespace to its own owner-only file after a change, and a new start restores it', async () => {
    const dataDir = freshDir();
    const first = await start(dataDir);
    const token = issueToken(first.core);
    const other = issueToken(first.core, 'team-b');
    await first.store.flush();
    expect(readdirSync(join(dataDir, 'namespaces')).sort()).toEqual(['default.json', 'team-b.json']);
    expect(statSync(stateFile(dataDir)).mode & 0o777).toBe(0o600);
    expect(statSync(join(dataDir, 'namespaces')).mode & 0o777).toBe(0o700);
    const saved = JSON.parse(readFileSync(stateFile(dataDir), 'utf8')) as StateFile;
    expect(saved.runtime.accessTokens.map((t) => t.token)).toEqual([token]);
    expect(Seed.safeParse(saved).success).toBe(true);
    await stop(first.store, first.core);

    const second = await start(dataDir);
    expect([...second.store.loaded].sort()).toEqual(['default', 'team-b']);
    expect(second.core.tenant().tokens.authenticate(token).ok).toBe(true);
    expect(second.core.tenant('team-b').tokens.authenticate(other).ok).toBe(true);
    expect(second.core.tenant('team-b').tokens.authenticate(token).ok).toBe(false);
  });

  it('an idle namespace evicted for the cap before its change was written keeps that change, saved and restored', async () => {
    const dataDir = freshDir();
    const store = await openStateStore({ dataDir, delayMs: 60_000 });
    open.push(store);
    const core = new PlatformCore({ seed: demoSeed, storage: store, maxNamespaces: 2 });
    store.attach(core);
    const token = issueToken(core, 'team-a');
    // Two more namespaces evict team-a (idle, not kept) long before the 60 s write would have saved its token.
    core.tenant('team-b');
    core.tenant('team-c');
    expect(core.evicted).toBe(1);
    expect(core.peek('team-a')).toBeUndefined();
    // Used again before any write, it comes back from the state it was evicted with.
    expect(core.tenant('team-a').tokens.authenticate(token).ok).toBe(true);
    core.tenant('team-b');
    core.tenant('team-c');
    await store.flush();
    const saved = JSON.parse(readFileSync(stateFile(dataDir, 'team-a'), 'utf8')) as StateFile;
    expect(saved.runtime.accessTokens.map((t) => t.token)).toEqual([token]);
    await stop(store, core);

    const second = await start(dataDir);
    expect(second.core.tenant('team-a').tokens.authenticate(token).ok).toBe(true);
  });

  it('writes nothing while nothing changes (reads, the passing of time)', async () => {
    const dataDir = freshDir();
    const { store, core } = await start(dataDir);
    issueToken(core);
    await store.flush();
    const before = readFileSync(stateFile(dataDir), 'utf8');
    core.touch('default');
    await store.flush();
    expect(readFileSync(stateFile(dataDir), 'utf8')).toBe(before);
    core.tenant().state.app(APP)!.secret = 'rotated';
    core.touch('default');
    await store.flush();
    expect(readFileSync(stateFile(dataDir), 'utf8')).toContain('"secret": "rotated"');
  });

  it('refuses a damaged file, a newer format, a file that is no state file and a misnamed one, leaving each untouched', async () => {
    const dataDir = freshDir();
    const { store, core } = await start(dataDir);
    issueToken(core);
    await stop(store, core);
    const good = readFileSync(stateFile(dataDir), 'utf8');

    expect(await refusedWith(dataDir, good.slice(0, good.length / 2))).toMatch(/is not valid JSON/);
    expect(await refusedWith(dataDir, good.replace('"formatVersion": 1', '"formatVersion": 2'))).toMatch(
      /has formatVersion 2, written by a newer wxvoip-mock; this one reads formatVersion 1\. Upgrade @wxvoip\/mock-platform/,
    );
    expect(await refusedWith(dataDir, JSON.stringify(demoSeed))).toMatch(/is not a wxvoip-mock state file/);
    expect(await refusedWith(dataDir, good.replace('"namespace": "default"', '"namespace": "other"'))).toMatch(/holds namespace "other", not "default"/);
    expect(await refusedWith(dataDir, good.replace(/"secret": "demo-app-secret"/, '"secret": ""'))).toMatch(/does not match the state schema:\n {2}- apps\.0\.secret/);
    // The refused start released the directory: a start that wipes it works.
    const wiped = await start(dataDir, true);
    expect(wiped.store.loaded).toEqual([]);
    expect(readdirSync(join(dataDir, 'namespaces'))).toEqual([]);
  });

  it('holds the directory: a second store is refused while the first is open; a lock left by a dead process is taken over', async () => {
    const dataDir = freshDir();
    const first = await start(dataDir);
    await expect(openStateStore({ dataDir })).rejects.toThrow(/is already used by another mock platform in this process/);
    await stop(first.store, first.core);
    writeFileSync(join(dataDir, 'wxvoip-mock.lock'), JSON.stringify({ pid: 2 ** 22 + 12345 }));
    writeFileSync(join(dataDir, 'namespaces', '.default.json.999.1.tmp'), '{"format": "wxvoip-mock-st');
    const second = await start(dataDir);
    expect(second.store.loaded).toEqual([]);
    expect(readdirSync(join(dataDir, 'namespaces'))).toEqual([]); // the torn temporary file of a killed write is gone
  });

  it('refuses a directory held by another live process', async () => {
    const dataDir = freshDir();
    await start(dataDir).then(({ store, core }) => stop(store, core));
    writeFileSync(join(dataDir, 'wxvoip-mock.lock'), JSON.stringify({ pid: process.ppid }));
    await expect(openStateStore({ dataDir })).rejects.toThrow(`is in use by another wxvoip-mock (pid ${process.ppid})`);
  });

  it('deletes the files of wiped namespaces, and a wiped namespace starts from the seed', async () => {
    const dataDir = freshDir();
    const first = await start(dataDir);
    const token = issueToken(first.core);
    issueToken(first.core, 'team-b');
    await stop(first.store, first.core);

    const { store, core } = await start(dataDir);
    core.tenant('team-c');
    issueToken(core, 'team-c');
    await store.flush();
    expect(core.wipe('team-b')).toEqual(['team-b']);
    await store.flush();
    expect(readdirSync(join(dataDir, 'namespaces')).sort()).toEqual(['default.json', 'team-c.json']);
    expect(core.wipe()).toEqual(['default', 'team-c']);
    await store.flush();
    expect(readdirSync(join(dataDir, 'namespaces'))).toEqual([]);
    expect(core.tenant().tokens.authenticate(token).ok).toBe(false);
    expect(core.tenant().state.journal.all().some((e) => e.kind === 'platform')).toBe(false);
  });
});
