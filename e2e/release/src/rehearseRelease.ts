import { execFile, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parse as parseYaml } from 'yaml';
import { inspectPackage, type PackageProblem, type PackedManifest } from './inspectPackage.js';

const run = promisify(execFile);

/** A workspace package that would be published (not `private`). */
export interface PublishedPackage {
  readonly name: string;
  /** Its folder, relative to the workspace root. */
  readonly dir: string;
}

/** One public entry (`exports` key) imported in the scratch project under plain Node. */
export interface EntryResult {
  readonly specifier: string;
  readonly ok: boolean;
  /** How many named exports it has. */
  readonly names?: number;
  readonly error?: string;
}

/** One `bin` run from the scratch project's `node_modules/.bin`. */
export interface BinResult {
  readonly command: string;
  readonly ok: boolean;
  /** What was checked, and what came out. */
  readonly detail: string;
}

/** Everything the rehearsal saw. `ok` is true only when every check passed. */
export interface RehearsalReport {
  readonly ok: boolean;
  readonly packages: readonly { readonly name: string; readonly version: string; readonly tarball: string; readonly files: number; readonly problems: readonly PackageProblem[] }[];
  readonly entries: readonly EntryResult[];
  readonly bins: readonly BinResult[];
  /** The README-style usage run (listening platform, msw) under plain Node. */
  readonly smoke: { readonly ok: boolean; readonly output: string };
  /** `tsc` in the scratch project on a file that imports every entry: the `types` conditions resolve. */
  readonly types: { readonly ok: boolean; readonly output: string };
  /** Where it all happened (kept when `keep` is set). */
  readonly scratchDir: string;
}

/** Options of {@link rehearseRelease}. */
export interface RehearsalOptions {
  /** The workspace root. */
  readonly root: string;
  /** Progress lines. */
  readonly log?: (line: string) => void;
  /** Keep the scratch folder for a look afterwards. Default false. */
  readonly keep?: boolean;
}

/** The packages `pnpm publish -r` would publish: every workspace package that is not private. */
export function publishedPackages(root: string): PublishedPackage[] {
  const workspace = parseYaml(readFileSync(join(root, 'pnpm-workspace.yaml'), 'utf8')) as { packages: string[] };
  const out: PublishedPackage[] = [];
  for (const pattern of workspace.packages) {
    const base = pattern.replace(/\/\*$/, '');
    for (const entry of readdirSync(join(root, base))) {
      const manifestPath = join(root, base, entry, 'package.json');
      if (!existsSync(manifestPath)) continue;
      const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { name: string; private?: boolean };
      if (manifest.private !== true) out.push({ name: manifest.name, dir: `${base}/${entry}` });
    }
  }
  return out.sort((a, b) => a.name.localeCompare(b.name));
}

/** The catalog version of a dependency, so the scratch project installs what the workspace tested with. */
function catalogVersion(root: string, name: string): string {
  const workspace = parseYaml(readFileSync(join(root, 'pnpm-workspace.yaml'), 'utf8')) as { catalog?: Record<string, string> };
  const version = workspace.catalog?.[name];
  if (version === undefined) throw new Error(`${name} is not in the pnpm-workspace.yaml catalog`);
  return version;
}

/**
 * The release rehearsal: builds every published package, packs it with `pnpm pack` (which applies
 * `publishConfig` and replaces `workspace:` and `catalog:` specifiers), inspects each tarball, installs all of them
 * with npm into a scratch project outside the workspace, then under plain Node 20 imports every public entry, runs
 * every `bin`, runs the documented usage, and type-checks a file that imports every entry.
 *
 * @example
 * const report = await rehearseRelease({ root: '/work/main', log: console.log });
 * if (!report.ok) process.exitCode = 1;
 */
export async function rehearseRelease(options: RehearsalOptions): Promise<RehearsalReport> {
  const { root } = options;
  const log = options.log ?? (() => undefined);
  const scratchDir = mkdtempSync(join(tmpdir(), 'wxvoip-release-'));
  const tarballs = join(scratchDir, 'tarballs');
  const extracted = join(scratchDir, 'extracted');
  const project = join(scratchDir, 'project');
  for (const dir of [tarballs, extracted, project]) mkdirSync(dir, { recursive: true });
  try {
    const packages = publishedPackages(root);

    // From scratch, as on a clean clone: a stale .tsbuild would make `tsc -b` skip a deleted dist.
    for (const pkg of packages) for (const dir of ['dist', '.tsbuild']) rmSync(join(root, pkg.dir, dir), { recursive: true, force: true });
    log(`building ${packages.length} packages`);
    await run('pnpm', [...packages.flatMap((p) => ['--filter', p.name]), 'run', 'build'], { cwd: root, maxBuffer: 64 * 1024 * 1024 });

    const packed: { name: string; version: string; tarball: string; files: number; problems: PackageProblem[] }[] = [];
    for (const pkg of packages) {
      const before = new Set(readdirSync(tarballs));
      await run('pnpm', ['pack', '--pack-destination', tarballs], { cwd: join(root, pkg.dir), maxBuffer: 16 * 1024 * 1024 });
      const tarball = readdirSync(tarballs).find((file) => !before.has(file) && file.endsWith('.tgz'));
      if (tarball === undefined) throw new Error(`pnpm pack wrote no tarball for ${pkg.name}`);
      const into = join(extracted, tarball.replace(/\.tgz$/, ''));
      mkdirSync(into, { recursive: true });
      await run('tar', ['-xzf', join(tarballs, tarball), '-C', into]);
      const unpacked = join(into, 'package');
      const manifest = JSON.parse(readFileSync(join(unpacked, 'package.json'), 'utf8')) as PackedManifest;
      const problems = inspectPackage(unpacked);
      const files = (await run('tar', ['-tzf', join(tarballs, tarball)])).stdout.trim().split('\n').length;
      packed.push({ name: manifest.name, version: manifest.version, tarball, files, problems });
      log(`packed ${tarball} (${files} files, ${problems.length} problems)`);
    }

    // The scratch project depends on every tarball; overrides make the packages' dependencies on each other resolve
    // to those tarballs too, instead of the registry (where this version may not exist yet).
    const dependencies: Record<string, string> = Object.fromEntries(packed.map((p) => [p.name, `file:../tarballs/${p.tarball}`]));
    const overrides: Record<string, string> = Object.fromEntries(packed.map((p) => [p.name, `$${p.name}`]));
    writeFileSync(
      join(project, 'package.json'),
      `${JSON.stringify({ name: 'wxvoip-release-rehearsal', private: true, type: 'module', dependencies: { ...dependencies, msw: catalogVersion(root, 'msw') }, overrides }, null, 2)}\n`,
    );
    log('npm install in the scratch project');
    await run('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error'], { cwd: project, maxBuffer: 64 * 1024 * 1024, env: cleanNodeEnv() });

    const scripts = join(project, 'checks');
    mkdirSync(scripts, { recursive: true });
    for (const file of ['checkEntries.mjs', 'smoke.mjs']) copyFileSync(new URL(`./scratch/${file}`, import.meta.url), join(scripts, file));
    const names = packed.map((p) => p.name);
    const plainNode = (args: string[]) => run(process.execPath, args, { cwd: project, maxBuffer: 16 * 1024 * 1024, env: cleanNodeEnv() });

    log('importing every public entry under plain Node');
    const entries = JSON.parse((await plainNode([join(scripts, 'checkEntries.mjs'), JSON.stringify(names)])).stdout) as EntryResult[];

    log('running the documented usage');
    const smoke = await plainNode([join(scripts, 'smoke.mjs')]).then(
      ({ stdout }) => ({ ok: smokeOk(stdout), output: stdout.trim() }),
      (error: Error & { stderr?: string }) => ({ ok: false, output: `${error.message}\n${error.stderr ?? ''}`.slice(0, 4000) }),
    );

    log('running every bin');
    const bins: BinResult[] = [];
    for (const name of names) {
      const manifest = JSON.parse(readFileSync(join(project, 'node_modules', name, 'package.json'), 'utf8')) as PackedManifest;
      const commands = typeof manifest.bin === 'string' ? [name.split('/').at(-1) ?? name] : Object.keys(manifest.bin ?? {});
      for (const command of commands) bins.push(command === 'wxvoip-mock' ? await runMockBin(project) : await runHelp(project, command));
    }

    log('type-checking an import of every entry');
    const types = await typeCheck(root, project, entries.map((e) => e.specifier).filter((s) => !s.endsWith('.json')));

    const ok = packed.every((p) => p.problems.length === 0) && entries.length > 0 && entries.every((e) => e.ok) && bins.every((b) => b.ok) && smoke.ok && types.ok;
    return { ok, packages: packed, entries, bins, smoke, types, scratchDir };
  } finally {
    if (options.keep !== true) rmSync(scratchDir, { recursive: true, force: true });
  }
}

/**
 * The environment of someone's plain shell: no loader or TypeScript hooks from the test runner, and none of the
 * `npm_config_*` settings pnpm passes to the scripts it runs (they would change how npm installs), nor pnpm's
 * `INIT_CWD` (the installed `wxvoip-mock` keeps its state under it: in the scratch project, not in this repository).
 */
function cleanNodeEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(npm_|pnpm_|PNPM_|NODE_OPTIONS$|INIT_CWD$|VITEST|TSX_|NX_)/.test(key)) continue;
    env[key] = value;
  }
  return env;
}

function smokeOk(stdout: string): boolean {
  try {
    const report = JSON.parse(stdout) as { listening?: { token?: boolean; ticketErrcode?: number; controlStatus?: number }; msw?: { token?: boolean } };
    return report.listening?.token === true && report.listening.ticketErrcode === 0 && report.listening.controlStatus === 200 && report.msw?.token === true;
  } catch {
    return false;
  }
}

/** Starts the installed `wxvoip-mock` on a free port, asks it for the demo app's token, stops it with SIGTERM. */
async function runMockBin(project: string): Promise<BinResult> {
  const child = spawn(join(project, 'node_modules', '.bin', 'wxvoip-mock'), ['--port', '0', '--seed', 'demo'], { cwd: project, env: cleanNodeEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no base URL printed within 30 s:\n${output}`)), 30_000);
      const look = () => {
        const match = /http:\/\/127\.0\.0\.1:\d+/.exec(output);
        if (match) {
          clearTimeout(timer);
          resolve(match[0]);
        }
      };
      child.stdout.on('data', look);
      void exited.then((code) => reject(new Error(`exited with ${String(code)} before listening:\n${output}`)));
    });
    const res = await fetch(`${url}/cgi-bin/token?grant_type=client_credential&appid=wx_demo_app&secret=demo-app-secret`);
    const body = (await res.json()) as { access_token?: string };
    child.kill('SIGTERM');
    const code = await exited;
    const ok = res.status === 200 && typeof body.access_token === 'string' && code === 0;
    return { command: 'wxvoip-mock', ok, detail: `served ${url}/cgi-bin/token → ${res.status}, exited ${String(code)} on SIGTERM` };
  } catch (error) {
    child.kill('SIGKILL');
    return { command: 'wxvoip-mock', ok: false, detail: (error as Error).message.slice(0, 4000) };
  }
}

/** Runs an installed bin with `--help`: it must start under plain Node and exit 0 with some usage text. */
async function runHelp(project: string, command: string): Promise<BinResult> {
  try {
    const { stdout, stderr } = await run(join(project, 'node_modules', '.bin', command), ['--help'], { cwd: project, env: cleanNodeEnv(), timeout: 30_000 });
    const text = `${stdout}${stderr}`.trim();
    return { command, ok: text.length > 0, detail: `--help printed ${text.split('\n').length} lines` };
  } catch (error) {
    return { command, ok: false, detail: (error as Error).message.slice(0, 4000) };
  }
}

/** Type-checks, with the workspace's TypeScript, a file in the scratch project that imports every entry. */
async function typeCheck(root: string, project: string, specifiers: readonly string[]): Promise<{ ok: boolean; output: string }> {
  const lines = specifiers.map((specifier, i) => `import * as entry${i} from '${specifier}';`);
  lines.push(`export const entries = [${specifiers.map((_, i) => `entry${i}`).join(', ')}];`);
  writeFileSync(join(project, 'entries.ts'), `${lines.join('\n')}\n`);
  writeFileSync(
    join(project, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', strict: true, noEmit: true, skipLibCheck: true, types: [] }, files: ['entries.ts'] }),
  );
  try {
    const { stdout } = await run(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(project, 'tsconfig.json')], { cwd: project, maxBuffer: 16 * 1024 * 1024 });
    return { ok: true, output: stdout.trim() };
  } catch (error) {
    const failure = error as Error & { stdout?: string };
    return { ok: false, output: (failure.stdout ?? failure.message).slice(0, 4000) };
  }
}
