/**
 * ADR 0028: the runtime entry (`@wxvoip/plugin`) can never reach the testing entry. Walks the import graph of
 * `src/index.ts` (static imports, re-exports, type imports and `import()`) and checks what it reaches.
 */
import { readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const packageRoot = fileURLToPath(new URL('../', import.meta.url));
const manifest = JSON.parse(readFileSync(resolve(packageRoot, 'package.json'), 'utf8')) as {
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  exports: Record<string, Record<string, string>>;
};

/** The files and the packages the module graph from `entry` reaches. */
function reach(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const queue = [resolve(packageRoot, entry)];
  for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
    if (files.has(file)) continue;
    files.add(file);
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    for (const { fileName: specifier } of importedFiles) {
      if (specifier.startsWith('.')) queue.push(resolve(dirname(file), specifier.replace(/\.js$/, '.ts')));
      else packages.add(specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : (specifier.split('/')[0] ?? specifier));
    }
  }
  return { files, packages };
}

describe('the portable runtime entry (ADR 0028)', () => {
  const runtime = reach(manifest.exports['.']?.['@wxvoip/source'] ?? 'missing');
  const runtimeFiles = [...runtime.files].map((f) => relative(packageRoot, f));

  it('reaches the whole runtime and no file of the testing entry', () => {
    expect(runtimeFiles).toContain('src/simulator/pluginSimulator.ts');
    expect(runtimeFiles.filter((f) => f.startsWith('src/testing/'))).toEqual([]);
  });

  it('reaches only the packages it depends on, never an optional peer (the platform, msw)', () => {
    expect([...runtime.packages].sort()).toEqual(Object.keys(manifest.dependencies ?? {}).sort());
    expect(Object.keys(manifest.peerDependencies ?? {})).toEqual(expect.arrayContaining(['@wxvoip/mock-platform', 'msw']));
  });

  it('tells the testing entry apart: it does reach the platform', () => {
    const testing = reach(manifest.exports['./testing']?.['@wxvoip/source'] ?? 'missing');
    expect(testing.packages).toContain('@wxvoip/mock-platform');
  });
});
