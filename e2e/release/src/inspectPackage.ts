import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, relative, sep } from 'node:path';

/** The fields of a packed `package.json` an installer depends on. */
export interface PackedManifest {
  readonly name: string;
  readonly version: string;
  readonly type?: string;
  readonly main?: string;
  readonly exports?: unknown;
  readonly bin?: string | Record<string, string>;
  readonly dependencies?: Record<string, string>;
  readonly peerDependencies?: Record<string, string>;
  readonly optionalDependencies?: Record<string, string>;
}

/** One reason a packed package would break for someone who installs it. */
export interface PackageProblem {
  /** Which rule: an export or bin target missing, a workspace-only specifier, an undeclared import, … */
  readonly rule: 'noExports' | 'exportTarget' | 'typesTarget' | 'binTarget' | 'binShebang' | 'specifier' | 'testFile' | 'undeclaredImport';
  /** What is wrong and how to fix it. */
  readonly message: string;
}

const NODE_BUILTINS = new Set(builtinModules);

/** Specifier protocols that only mean something inside this workspace. */
const WORKSPACE_ONLY = /^(workspace|catalog|file|link|portal):/;

/** Every file of an unpacked package, as paths relative to its root with `/` separators. */
export function listFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path);
      else out.push(relative(root, path).split(sep).join('/'));
    }
  };
  walk(root);
  return out.sort();
}

/** Every file target of an `exports` value, with the condition path that leads to it (`./msw` → `types`). */
export function exportTargets(exports: unknown, at: string[] = []): { readonly path: string; readonly conditions: readonly string[] }[] {
  if (typeof exports === 'string') return [{ path: exports, conditions: at }];
  if (typeof exports !== 'object' || exports === null) return [];
  return Object.entries(exports as Record<string, unknown>).flatMap(([key, value]) => exportTargets(value, [...at, key]));
}

/** The package a bare import specifier names (`@scope/name/sub` → `@scope/name`), or null for relative/builtin ones. */
export function packageOfSpecifier(specifier: string): string | null {
  if (specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('node:')) return null;
  const parts = specifier.split('/');
  const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
  return NODE_BUILTINS.has(name) ? null : name;
}

/** Bare specifiers of the static and dynamic imports and re-exports in an ES module's text (not in its comments). */
export function importSpecifiers(text: string): string[] {
  const source = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const found = new Set<string>();
  const patterns = [/(?:^|[\s;}])(?:import|export)\s[^'"`;]*?\sfrom\s*['"]([^'"]+)['"]/g, /(?:^|[\s;}])import\s*['"]([^'"]+)['"]/g, /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g];
  for (const pattern of patterns) for (const match of source.matchAll(pattern)) if (match[1] !== undefined) found.add(match[1]);
  return [...found];
}

/**
 * What would break for an installer of this unpacked package (the `package/` folder of its tarball): export, types
 * and bin targets that are not in the tarball; workspace-only dependency specifiers; test files shipped; imports in
 * the shipped JavaScript of packages that are neither dependencies nor peer dependencies.
 *
 * @example
 * const problems = inspectPackage('/tmp/extract/contracts/package');
 * if (problems.length > 0) console.error(problems.map((p) => p.message).join('\n'));
 */
export function inspectPackage(root: string): PackageProblem[] {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as PackedManifest;
  const files = new Set(listFiles(root));
  const problems: PackageProblem[] = [];
  const has = (target: string) => files.has(target.replace(/^\.\//, ''));

  const targets = exportTargets(manifest.exports);
  if (targets.length === 0 && manifest.main === undefined) {
    problems.push({ rule: 'noExports', message: `${manifest.name} has neither "exports" nor "main": nothing can be imported. Add an exports map.` });
  }
  for (const { path, conditions } of targets) {
    if (path.includes('*')) continue;
    const where = `${manifest.name} exports ${conditions.join(' → ')} = ${path}`;
    if (!has(path)) problems.push({ rule: 'exportTarget', message: `${where}, which is not in the tarball. Check "publishConfig.exports" and "files", and that the build wrote it.` });
    else if (conditions.at(-1) === 'types' && !path.endsWith('.d.ts')) problems.push({ rule: 'typesTarget', message: `${where}: a "types" condition must name a .d.ts file, not TypeScript source.` });
    else if (conditions.at(-1) !== 'types' && path.endsWith('.ts')) problems.push({ rule: 'exportTarget', message: `${where}: plain Node cannot load TypeScript; point it at the built .js in dist.` });
  }

  const bins = typeof manifest.bin === 'string' ? { [manifest.name]: manifest.bin } : (manifest.bin ?? {});
  for (const [command, target] of Object.entries(bins)) {
    if (!has(target)) {
      problems.push({ rule: 'binTarget', message: `${manifest.name} bin "${command}" → ${target} is not in the tarball: build it and list it in "files".` });
    } else if (!readFileSync(join(root, target), 'utf8').startsWith('#!/usr/bin/env node')) {
      problems.push({ rule: 'binShebang', message: `${manifest.name} bin "${command}" → ${target} does not start with "#!/usr/bin/env node": installed on a PATH it would not run.` });
    }
  }

  const declared = new Set([...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.peerDependencies ?? {}), ...Object.keys(manifest.optionalDependencies ?? {})]);
  for (const field of ['dependencies', 'peerDependencies', 'optionalDependencies'] as const) {
    for (const [name, range] of Object.entries(manifest[field] ?? {})) {
      if (WORKSPACE_ONLY.test(range)) problems.push({ rule: 'specifier', message: `${manifest.name} ${field}.${name} is "${range}", which only resolves inside the workspace: pack with pnpm so it is replaced by a version range.` });
    }
  }

  for (const file of files) {
    if (/\.test(-d)?\.[cm]?[jt]s$/.test(file) || /\.test\.d\.ts$/.test(file)) problems.push({ rule: 'testFile', message: `${manifest.name} ships the test file ${file}: exclude it in "files".` });
    if (!/\.(c|m)?js$/.test(file)) continue;
    for (const specifier of importSpecifiers(readFileSync(join(root, file), 'utf8'))) {
      const name = packageOfSpecifier(specifier);
      if (name !== null && name !== manifest.name && !declared.has(name)) {
        problems.push({ rule: 'undeclaredImport', message: `${manifest.name}/${file} imports "${specifier}", but ${name} is not a dependency or peer dependency: an installer will not have it.` });
      }
    }
  }
  return problems;
}
