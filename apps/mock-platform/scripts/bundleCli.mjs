/**
 * Rewrites dist/cli/main.js (the `wxvoip-mock` command once installed) as one ES module: the CLI, the platform and
 * @wxvoip/contracts bundled from their sources, every third-party dependency left as an import. Node's ES module
 * loader pays per file, and the CLI reaches about 240 of them: as one file it starts several hundred milliseconds
 * sooner (issue 19, ADR 0033). The other dist/ modules stay as tsc wrote them (the library's entry points).
 *
 * Run by `pnpm build` after `tsc -b`; `node scripts/bundleCli.mjs` from apps/mock-platform.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath, URL } from 'node:url';
import { build } from 'esbuild';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const external = Object.keys({ ...manifest.dependencies, ...manifest.peerDependencies })
  .filter((name) => !name.startsWith('@wxvoip/'))
  .flatMap((name) => [name, `${name}/*`]);

await build({
  absWorkingDir: packageDir,
  entryPoints: ['src/cli/main.ts'],
  outfile: 'dist/cli/main.js',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  conditions: ['@wxvoip/source'],
  external,
  allowOverwrite: true,
  legalComments: 'none',
  logLevel: 'warning',
});
