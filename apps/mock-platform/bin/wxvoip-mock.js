#!/usr/bin/env node
// The `wxvoip-mock` command (ADR 0017). Installed from npm it runs the built JavaScript in dist/ under plain Node
// (dist/cli/main.js, one bundled module: ADR 0033). Inside the wxvoip workspace (src/ next to dist/) it runs the
// TypeScript sources, so that a fresh clone needs no build: esbuild (a dev dependency of the workspace) bundles them
// into one module under node_modules/.cache, with inline source maps, and this process runs it. One module starts
// several times faster than ~240 files through a TypeScript loader hook (issue 19). WXVOIP_BIN=dist runs the build.
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const source = new URL('../src/cli/main.ts', import.meta.url);
if (existsSync(source) && process.env.WXVOIP_BIN !== 'dist') {
  const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  // Third-party packages stay imports; the platform and the workspace packages (their "@wxvoip/source" sources) are bundled.
  const external = Object.keys({ ...manifest.dependencies, ...manifest.peerDependencies })
    .filter((name) => !name.startsWith('@wxvoip/'))
    .flatMap((name) => [name, `${name}/*`]);
  // Inside the package, so that the bundle's imports resolve from its node_modules; one file per process.
  const bundle = new URL(`../node_modules/.cache/wxvoip-mock/main-${process.pid}.mjs`, import.meta.url);
  mkdirSync(new URL('.', bundle), { recursive: true });
  // esbuild is a devDependency of the workspace only; the published package never reaches this line.
  const bundler = 'esbuild';
  const { build } = await import(bundler);
  await build({
    absWorkingDir: fileURLToPath(new URL('..', import.meta.url)),
    entryPoints: ['src/cli/main.ts'],
    outfile: fileURLToPath(bundle),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    conditions: ['@wxvoip/source'],
    external,
    sourcemap: 'inline',
    logLevel: 'error',
  });
  process.setSourceMapsEnabled(true);
  try {
    await import(bundle.href);
  } finally {
    rmSync(bundle, { force: true });
  }
} else {
  await import(new URL('../dist/cli/main.js', import.meta.url).href);
}
