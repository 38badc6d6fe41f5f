import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, renameSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The mock platform as an installer gets it: the packed tarballs of contracts and mock-platform, outside the workspace. */
export interface InstalledPlatform {
  /** The folder whose node_modules holds the installed packages. */
  readonly dir: string;
  /** The installed CLI (`wxvoip-mock`), to run with plain `node`. */
  readonly cli: string;
  /** URL of the installed package's main module (`startMockPlatform`, …). */
  readonly moduleUrl: string;
}

/** The workspace root (this file is e2e/bench/src/support/installedPlatform.ts). */
export const WORKSPACE_ROOT = realpathSync(join(dirname(new URL(import.meta.url).pathname), '../../../..'));

const PACKAGES = [
  { name: '@wxvoip/contracts', dir: 'packages/contracts' },
  { name: '@wxvoip/mock-platform', dir: 'apps/mock-platform' },
];

/**
 * Builds the mock platform (and contracts), packs both with pnpm as a release would, unpacks them into a scratch
 * `node_modules` and links each third-party dependency to the copy the workspace installed, so `node cli.js` runs the
 * published files (dist, publishConfig exports) under plain Node with no tsx and no network.
 */
export function installPlatform(): InstalledPlatform {
  execFileSync('pnpm', ['exec', 'nx', 'run', '@wxvoip/mock-platform:build', '--outputStyle=static'], { cwd: WORKSPACE_ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  const dir = mkdtempSync(join(tmpdir(), 'wxvoip-bench-'));
  const modules = join(dir, 'node_modules');
  mkdirSync(join(modules, '@wxvoip'), { recursive: true });
  for (const pkg of PACKAGES) {
    const source = join(WORKSPACE_ROOT, pkg.dir);
    const out = execFileSync('pnpm', ['pack', '--pack-destination', dir], { cwd: source, encoding: 'utf8' });
    const tarball = out.trim().split('\n').filter((line) => line.endsWith('.tgz')).at(-1);
    if (!tarball) throw new Error(`pnpm pack printed no tarball for ${pkg.name}: ${out}`);
    const unpacked = mkdtempSync(join(dir, 'unpack-'));
    execFileSync('tar', ['xzf', tarball.startsWith('/') ? tarball : join(dir, tarball), '-C', unpacked]);
    const target = join(modules, pkg.name);
    renameSync(join(unpacked, 'package'), target);
    const manifest = JSON.parse(readFileSync(join(target, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
    for (const dep of Object.keys(manifest.dependencies ?? {})) {
      if (dep.startsWith('@wxvoip/')) continue;
      const link = join(modules, dep);
      mkdirSync(dirname(link), { recursive: true });
      try {
        symlinkSync(realpathSync(join(source, 'node_modules', dep)), link, 'dir');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
    }
  }
  const platform = join(modules, '@wxvoip/mock-platform');
  return { dir, cli: join(platform, 'dist/cli/main.js'), moduleUrl: pathToFileURL(join(platform, 'dist/index.js')).href };
}

/** Environment variable through which the bench runner hands its installed platform to the figure scripts. */
export const INSTALLED_ENV = 'WXVOIP_BENCH_INSTALLED';

/** The platform the runner installed, or a fresh install when a figure script runs on its own. */
export function installedPlatform(): InstalledPlatform {
  const given = process.env[INSTALLED_ENV];
  if (given) return JSON.parse(given) as InstalledPlatform;
  const installed = installPlatform();
  process.env[INSTALLED_ENV] = JSON.stringify(installed);
  return installed;
}
