import { execFile, spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { parse as parseYaml } from 'yaml';
import { inspectPackage, type PackageProblem, type PackedManifest } from './inspectPackage.js';
import { packRelease } from './packRelease.js';

export { publishedPackages, type PublishedPackage } from './packRelease.js';

const run = promisify(execFile);

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

/** What one Node runtime did with the installed packages. */
export interface RuntimeReport {
  /** `process.version` of that runtime, e.g. `v22.23.5`. */
  readonly version: string;
  readonly entries: readonly EntryResult[];
  readonly bins: readonly BinResult[];
  /** The README-style usage run (listening platform, msw) under plain Node. */
  readonly smoke: { readonly ok: boolean; readonly output: string };
  /** One whole call over HTTP against the installed `wxvoip-mock` bin: a phone calls, a Linux device answers, talks, hangs up. */
  readonly call: { readonly ok: boolean; readonly output: string };
  /** The README's two examples, copied verbatim: `node smoke.mjs` and `vitest run` on `token.test.mjs`. */
  readonly readme: { readonly ok: boolean; readonly output: string };
}

/** The README's examples, as files of `scratch/`, and the names the README gives them in the user's project. */
export const README_EXAMPLES = [
  { source: 'readmeSmoke.mjs', as: 'smoke.mjs' },
  { source: 'readmeToken.test.mjs', as: 'token.test.mjs' },
] as const;

/** Everything the rehearsal saw. `ok` is true only when every check passed. */
export interface RehearsalReport {
  readonly ok: boolean;
  readonly packages: readonly { readonly name: string; readonly version: string; readonly tarball: string; readonly files: number; readonly problems: readonly PackageProblem[] }[];
  /** The runtime running the rehearsal first, then each of `options.nodes`. */
  readonly runtimes: readonly RuntimeReport[];
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
  /** Other `node` executables to run the installed packages with too (CI: Node 22 and 24 from the npm registry). */
  readonly nodes?: readonly string[];
}

/** The catalog version of a dependency, so the scratch project installs what the workspace tested with. */
function catalogVersion(root: string, name: string): string {
  const workspace = parseYaml(readFileSync(join(root, 'pnpm-workspace.yaml'), 'utf8')) as { catalog?: Record<string, string> };
  const version = workspace.catalog?.[name];
  if (version === undefined) throw new Error(`${name} is not in the pnpm-workspace.yaml catalog`);
  return version;
}

/**
 * The release rehearsal, as the README tells a user to do it: `pnpm release:pack` (build every published package and
 * `pnpm pack` it into one folder), inspect each tarball, `npm install` all the tarballs (and msw) in a scratch project
 * outside the workspace, then under plain Node (this one, and each of `nodes`) import every public entry, run every
 * `bin`, run the documented usage and one whole call against the installed `wxvoip-mock`; and type-check a file that
 * imports every entry.
 *
 * @example
 * const report = await rehearseRelease({ root: '/work/main', log: console.log, nodes: ['/cache/node-24/bin/node'] });
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
    const packedFiles = await packRelease({ root, outDir: tarballs, log });
    const packed: { name: string; version: string; tarball: string; files: number; problems: PackageProblem[] }[] = [];
    for (const { file } of packedFiles) {
      const into = join(extracted, file.replace(/\.tgz$/, ''));
      mkdirSync(into, { recursive: true });
      await run('tar', ['-xzf', join(tarballs, file), '-C', into]);
      const unpacked = join(into, 'package');
      const manifest = JSON.parse(readFileSync(join(unpacked, 'package.json'), 'utf8')) as PackedManifest;
      const problems = inspectPackage(unpacked);
      const files = (await run('tar', ['-tzf', join(tarballs, file)])).stdout.trim().split('\n').length;
      packed.push({ name: manifest.name, version: manifest.version, tarball: file, files, problems });
      log(`inspected ${file} (${files} files, ${problems.length} problems)`);
    }

    // Exactly the README's install: one `npm install` of every tarball, msw and vitest in a new project.
    writeFileSync(join(project, 'package.json'), `${JSON.stringify({ name: 'wxvoip-release-rehearsal', private: true, type: 'module' }, null, 2)}\n`);
    log('npm install of every tarball in the scratch project');
    const install = [...packed.map((p) => join(tarballs, p.tarball)), `msw@${catalogVersion(root, 'msw')}`, `vitest@${catalogVersion(root, 'vitest')}`];
    await run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error', ...install], { cwd: project, maxBuffer: 64 * 1024 * 1024, env: cleanNodeEnv() });

    const scripts = join(project, 'checks');
    mkdirSync(scripts, { recursive: true });
    for (const file of ['checkEntries.mjs', 'smoke.mjs', 'call.mjs']) copyFileSync(new URL(`./scratch/${file}`, import.meta.url), join(scripts, file));
    const names = packed.map((p) => p.name);

    // The runtimes share the one install and run side by side, each in its own folder of the project (its README
    // examples, and the data directory `wxvoip-mock` keeps under the folder it runs in); the type-check runs alongside.
    // Each step waits mostly on child processes, so this shortens the rehearsal without skipping any of it.
    const nodes = [process.execPath, ...(options.nodes ?? [])];
    log(`type-checking an import of every entry, and exercising ${nodes.length} runtime(s) side by side`);
    const [runtimes, types] = await Promise.all([
      Promise.all(
        nodes.map((node, i) => {
          const cwd = join(project, 'runtimes', String(i));
          mkdirSync(cwd, { recursive: true });
          for (const example of README_EXAMPLES) copyFileSync(new URL(`./scratch/${example.source}`, import.meta.url), join(cwd, example.as));
          return exerciseRuntime(node, project, cwd, scripts, names, log);
        }),
      ),
      typeCheck(root, project, entrySpecifiers(project, names).filter((s) => !s.endsWith('.json'))),
    ]);

    const ok =
      packed.every((p) => p.problems.length === 0) &&
      runtimes.every((r) => r.entries.length > 0 && r.entries.every((e) => e.ok) && r.bins.every((b) => b.ok) && r.smoke.ok && r.call.ok && r.readme.ok) &&
      types.ok;
    return { ok, packages: packed, runtimes, types, scratchDir };
  } finally {
    if (options.keep !== true) rmSync(scratchDir, { recursive: true, force: true });
  }
}

/** Every public entry of the installed packages, as `checkEntries.mjs` imports them: one per key of `exports`. */
function entrySpecifiers(project: string, names: readonly string[]): string[] {
  return names.flatMap((name) => {
    const manifest = JSON.parse(readFileSync(join(project, 'node_modules', name, 'package.json'), 'utf8')) as { exports?: Record<string, unknown> };
    return Object.keys(manifest.exports ?? {}).map((key) => (key === '.' ? name : `${name}/${key.slice(2)}`));
  });
}

/**
 * Imports every entry, runs every bin, the documented usage and one whole call, with one `node` executable, in `cwd`
 * (a folder of the scratch project, which holds the installed packages).
 */
async function exerciseRuntime(node: string, project: string, cwd: string, scripts: string, names: readonly string[], log: (line: string) => void): Promise<RuntimeReport> {
  const env = cleanNodeEnv(node);
  const version = (await run(node, ['--version'], { env })).stdout.trim();
  const plainNode = (args: string[]) => run(node, args, { cwd, maxBuffer: 16 * 1024 * 1024, env });
  log(`${version}: importing every public entry under plain Node`);
  const entries = await plainNode([join(scripts, 'checkEntries.mjs'), JSON.stringify(names)]).then(
    ({ stdout }) => JSON.parse(stdout) as EntryResult[],
    (error: Error) => [{ specifier: '(all)', ok: false, error: error.message.slice(0, 4000) }],
  );
  log(`${version}: running the documented usage`);
  const smoke = await plainNode([join(scripts, 'smoke.mjs')]).then(
    ({ stdout }) => ({ ok: smokeOk(stdout), output: stdout.trim() }),
    (error: Error & { stderr?: string }) => ({ ok: false, output: `${error.message}\n${error.stderr ?? ''}`.slice(0, 4000) }),
  );
  log(`${version}: running every bin, and one whole call against wxvoip-mock`);
  const bins: BinResult[] = [];
  let call: RuntimeReport['call'] = { ok: false, output: 'wxvoip-mock is not installed' };
  for (const name of names) {
    const manifest = JSON.parse(readFileSync(join(project, 'node_modules', name, 'package.json'), 'utf8')) as PackedManifest;
    const commands = typeof manifest.bin === 'string' ? [name.split('/').at(-1) ?? name] : Object.keys(manifest.bin ?? {});
    for (const command of commands) {
      bins.push(await runHelp(project, cwd, command, env));
      if (command === 'wxvoip-mock') {
        const served = await runMockBin(project, cwd, env, (url) => plainNode([join(scripts, 'call.mjs'), url]));
        bins.push(served.bin);
        call = served.call;
      }
    }
  }
  log(`${version}: running the README's examples (node smoke.mjs, vitest run)`);
  const readme = await readmeExamples(node, project, cwd, env);
  return { version, entries, bins, smoke, call, readme };
}

const ESC = String.fromCharCode(27);

/** Text without its ANSI colour sequences. */
function stripColours(text: string): string {
  return text.split(ESC).map((part, i) => (i === 0 ? part : part.replace(/^\[[0-9;]*m/, ''))).join('');
}

/** `node smoke.mjs` must print a token; `vitest run` (the installed vitest, on this node) must pass `token.test.mjs`. */
async function readmeExamples(node: string, project: string, cwd: string, env: NodeJS.ProcessEnv): Promise<RuntimeReport['readme']> {
  try {
    const smoke = await run(node, ['smoke.mjs'], { cwd, env, timeout: 60_000 });
    if (!smoke.stdout.includes('access_token') || smoke.stderr !== '') return { ok: false, output: `node smoke.mjs printed:\n${smoke.stdout}${smoke.stderr}` };
    const vitest = await run(node, [join(project, 'node_modules', 'vitest', 'vitest.mjs'), 'run', '--reporter=dot'], { cwd, env: { ...env, CI: 'true' }, timeout: 120_000 });
    const output = `${vitest.stdout}${vitest.stderr}`;
    const ok = /Tests\s+1 passed/.test(stripColours(output)) && !/Warning/.test(output);
    return { ok, output: ok ? 'node smoke.mjs printed a token; vitest run: 1 passed' : output.slice(0, 4000) };
  } catch (error) {
    const failure = error as Error & { stdout?: string; stderr?: string };
    return { ok: false, output: `${failure.message}\n${failure.stdout ?? ''}${failure.stderr ?? ''}`.slice(0, 4000) };
  }
}

/**
 * The environment of someone's plain shell, with `node` (when given) first on the PATH so that the bins' shebang finds
 * it: no loader or TypeScript hooks from the test runner, and none of the `npm_config_*` settings pnpm passes to the
 * scripts it runs (they would change how npm installs), nor pnpm's `INIT_CWD` (the installed `wxvoip-mock` keeps its
 * state under it: in the scratch project, not in this repository).
 */
function cleanNodeEnv(node?: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(npm_|pnpm_|PNPM_|NODE_OPTIONS$|VITEST|TSX_|NX_|INIT_CWD$)/.test(key)) continue;
    env[key] = value;
  }
  if (node !== undefined) env['PATH'] = `${dirname(node)}${delimiter}${env['PATH'] ?? ''}`;
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

/**
 * Starts the installed `wxvoip-mock` on a free port, asks it for the demo app's token, runs `whileUp` (the whole call)
 * against it, then stops it with SIGTERM: it must exit 0.
 */
async function runMockBin(project: string, cwd: string, env: NodeJS.ProcessEnv, whileUp: (url: string) => Promise<{ stdout: string }>): Promise<{ bin: BinResult; call: RuntimeReport['call'] }> {
  const child = spawn(join(project, 'node_modules', '.bin', 'wxvoip-mock'), ['--port', '0', '--seed', 'demo'], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let call: RuntimeReport['call'] = { ok: false, output: 'wxvoip-mock did not start' };
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
    call = await whileUp(url).then(
      ({ stdout }) => ({ ok: callOk(stdout), output: stdout.trim() }),
      (error: Error & { stdout?: string; stderr?: string }) => ({ ok: false, output: `${error.message}\n${error.stdout ?? ''}${error.stderr ?? ''}`.slice(0, 4000) }),
    );
    child.kill('SIGTERM');
    const code = await exited;
    const ok = res.status === 200 && typeof body.access_token === 'string' && code === 0 && !/Warning|ERR_/.test(output);
    return { bin: { command: 'wxvoip-mock', ok, detail: `served ${url}/cgi-bin/token → ${res.status}, exited ${String(code)} on SIGTERM${ok ? '' : `\n${output.slice(0, 2000)}`}` }, call };
  } catch (error) {
    child.kill('SIGKILL');
    return { bin: { command: 'wxvoip-mock', ok: false, detail: (error as Error).message.slice(0, 4000) }, call };
  }
}

function callOk(stdout: string): boolean {
  try {
    const report = JSON.parse(stdout) as { placed?: number; statuses?: string[]; outcome?: string };
    return report.placed === 201 && report.statuses?.join(',') === 'TALKING,HANGUP_BY_CALLEE' && report.outcome === 'hungUpByListener';
  } catch {
    return false;
  }
}

/** Runs an installed bin with `--help`: it must start under plain Node and exit 0 with usage text and no warning. */
async function runHelp(project: string, cwd: string, command: string, env: NodeJS.ProcessEnv): Promise<BinResult> {
  try {
    const { stdout, stderr } = await run(join(project, 'node_modules', '.bin', command), ['--help'], { cwd, env, timeout: 30_000 });
    const ok = stdout.includes('Usage:') && stderr === '';
    return { command, ok, detail: ok ? `--help printed ${stdout.trim().split('\n').length} lines` : `--help printed:\n${stdout}${stderr}` };
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
