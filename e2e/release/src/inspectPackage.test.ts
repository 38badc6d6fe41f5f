import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { importSpecifiers, inspectPackage, packageOfSpecifier } from './inspectPackage.js';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** An unpacked package on disk: its manifest and files. */
function unpacked(manifest: Record<string, unknown>, files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'wxvoip-inspect-'));
  made.push(root);
  writeFileSync(join(root, 'package.json'), JSON.stringify({ name: '@wxvoip/example', version: '1.0.0', type: 'module', ...manifest }));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

const GOOD_EXPORTS = { '.': { types: './dist/index.d.ts', default: './dist/index.js' }, './package.json': './package.json' };

describe('inspectPackage: what would break for an installer', () => {
  it('finds nothing wrong with a well-formed package', () => {
    const root = unpacked(
      { exports: GOOD_EXPORTS, bin: { example: './dist/cli.js' }, dependencies: { zod: '3.25.76' }, peerDependencies: { msw: '^2.15.0' } },
      {
        'dist/index.js': "import { z } from 'zod';\nimport { readFileSync } from 'node:fs';\nimport { join } from 'path';\nexport * from './other.js';\nconst m = await import('msw');\n",
        'dist/index.d.ts': 'export {};\n',
        'dist/other.js': 'export const x = 1;\n',
        'dist/cli.js': '#!/usr/bin/env node\nconsole.log(1);\n',
      },
    );
    expect(inspectPackage(root)).toEqual([]);
  });

  it('reports export targets missing from the tarball, TypeScript sources as targets, and no exports at all', () => {
    const missing = unpacked({ exports: { '.': { types: './dist/index.d.ts', default: './dist/index.js' }, './msw': { types: './src/msw/index.ts', default: './src/msw/index.ts' } } }, { 'dist/index.js': '', 'src/msw/index.ts': '' });
    expect(inspectPackage(missing).map((p) => [p.rule, p.message])).toEqual([
      ['exportTarget', expect.stringContaining('. → types = ./dist/index.d.ts, which is not in the tarball')],
      ['typesTarget', expect.stringContaining('./msw → types = ./src/msw/index.ts: a "types" condition must name a .d.ts file')],
      ['exportTarget', expect.stringContaining('./msw → default = ./src/msw/index.ts: plain Node cannot load TypeScript')],
    ]);
    expect(inspectPackage(unpacked({}, { 'dist/index.js': '' })).map((p) => p.rule)).toEqual(['noExports']);
  });

  it('reports a bin that is missing or has no shebang', () => {
    const root = unpacked({ exports: GOOD_EXPORTS, bin: { a: './dist/a.js', b: './dist/b.js' } }, { 'dist/index.js': '', 'dist/index.d.ts': '', 'dist/b.js': 'console.log(1);\n' });
    expect(inspectPackage(root).map((p) => p.rule)).toEqual(['binTarget', 'binShebang']);
  });

  it('reports workspace-only specifiers, shipped tests and imports of undeclared packages', () => {
    const root = unpacked(
      { exports: GOOD_EXPORTS, dependencies: { '@wxvoip/contracts': 'workspace:*', zod: 'catalog:' } },
      { 'dist/index.js': "import fastify from 'fastify';\nexport { x } from '@ts-rest/core/sub';\n", 'dist/index.d.ts': '', 'dist/index.test.js': '' },
    );
    expect(inspectPackage(root).map((p) => [p.rule, p.message])).toEqual([
      ['specifier', expect.stringContaining('dependencies.@wxvoip/contracts is "workspace:*"')],
      ['specifier', expect.stringContaining('dependencies.zod is "catalog:"')],
      ['undeclaredImport', expect.stringContaining('imports "fastify", but fastify is not a dependency')],
      ['undeclaredImport', expect.stringContaining('imports "@ts-rest/core/sub", but @ts-rest/core is not a dependency')],
      ['testFile', expect.stringContaining('dist/index.test.js')],
    ]);
  });
});

describe('import scanning', () => {
  it('finds static, side-effect, re-export and dynamic imports', () => {
    const source = "import a from 'a';\nimport { b } from \"@s/b/deep\";\nimport 'c';\nexport * from 'd';\nexport { e } from 'e';\nconst f = await import('f');\nimport type { G } from 'g';\n";
    expect(importSpecifiers(source).sort()).toEqual(['@s/b/deep', 'a', 'c', 'd', 'e', 'f', 'g']);
  });

  it('ignores imports shown in comments (doc examples)', () => {
    const source = "/**\n * @example\n * import { it } from 'vitest';\n */\n// import x from 'ws';\nexport const y = 1;\n";
    expect(importSpecifiers(source)).toEqual([]);
  });

  it('names the package of a specifier and skips builtins and relative paths', () => {
    expect([packageOfSpecifier('@s/b/deep'), packageOfSpecifier('zod/v4'), packageOfSpecifier('node:fs'), packageOfSpecifier('fs/promises'), packageOfSpecifier('./x.js')]).toEqual(['@s/b', 'zod', null, null, null]);
  });
});
