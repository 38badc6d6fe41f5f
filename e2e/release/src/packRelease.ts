import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parse as parseYaml } from 'yaml';

const run = promisify(execFile);

/** A workspace package that would be published (not `private`). */
export interface PublishedPackage {
  readonly name: string;
  /** Its folder, relative to the workspace root. */
  readonly dir: string;
}

/** One packed package. */
export interface PackedTarball {
  readonly name: string;
  /** The tarball's file name in the output folder. */
  readonly file: string;
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

/**
 * `pnpm release:pack`: builds every published package from scratch (its `dist/` and `.tsbuild/` removed first, as on a
 * clean clone) and packs each with `pnpm pack` (which applies `publishConfig` and turns `workspace:` and `catalog:`
 * specifiers into versions) into `outDir`, replacing tarballs of earlier runs. Returns the tarballs, by package name.
 *
 * @example
 * const tarballs = await packRelease({ root: '/work/main', outDir: '/tmp/wxvoip-tarballs' });
 */
export async function packRelease(options: { readonly root: string; readonly outDir: string; readonly log?: (line: string) => void }): Promise<PackedTarball[]> {
  const { root, outDir } = options;
  const log = options.log ?? (() => undefined);
  const packages = publishedPackages(root);
  for (const pkg of packages) for (const dir of ['dist', '.tsbuild']) rmSync(join(root, pkg.dir, dir), { recursive: true, force: true });
  log(`building ${packages.length} packages`);
  // One `tsc -b` over every package's tsconfig.lib.json (what each package's `build` script runs): one process that
  // builds them in dependency order, instead of one TypeScript start-up per package.
  const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  await run(process.execPath, [tsc, '-b', ...packages.map((p) => join(root, p.dir, 'tsconfig.lib.json'))], { cwd: root, maxBuffer: 64 * 1024 * 1024 });
  mkdirSync(outDir, { recursive: true });
  const tarballs: PackedTarball[] = [];
  for (const pkg of packages) {
    const prefix = `${pkg.name.replace(/^@/, '').replace('/', '-')}-`;
    for (const old of readdirSync(outDir)) if (old.startsWith(prefix) && old.endsWith('.tgz')) rmSync(join(outDir, old));
    await run('pnpm', ['pack', '--pack-destination', outDir], { cwd: join(root, pkg.dir), maxBuffer: 16 * 1024 * 1024 });
    const file = readdirSync(outDir).find((name) => name.startsWith(prefix) && name.endsWith('.tgz'));
    if (file === undefined) throw new Error(`pnpm pack wrote no tarball for ${pkg.name} into ${outDir}`);
    tarballs.push({ name: pkg.name, file });
    log(`packed ${file}`);
  }
  return tarballs;
}
