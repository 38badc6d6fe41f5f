#!/usr/bin/env node
// The `wxvoip-mock` command (ADR 0017). Installed from npm it runs the built JavaScript in dist/ under plain Node
// (dist/cli/main.js, one bundled module: ADR 0033). Inside the wxvoip workspace (src/ next to dist/) it runs the
// TypeScript sources, so that a fresh clone needs no build: esbuild (a dev dependency of the workspace) bundles them
// into one module under node_modules/.cache, with inline source maps, and this process runs it. One module starts
// several times faster than ~240 files through a TypeScript loader hook (issue 19). WXVOIP_BIN=dist runs the build.
// The bundle is kept, with the size and mtime of every file it was built from on its first line: the next start
// runs it without loading esbuild when none of them changed (ADR 0036). Deleting node_modules/.cache/wxvoip-mock
// forces a rebuild.
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import module from 'node:module';
import { Buffer } from 'node:buffer';
import { fileURLToPath } from 'node:url';

// Node 22.1+ keeps V8's compiled code of the modules loaded from here on (fastify, zod, the bundle) on disk and reuses
// it at the next start (NODE_DISABLE_COMPILE_CACHE=1 turns it off). Node 20 has no compile cache: nothing happens.
module.enableCompileCache?.();

const source = new URL('../src/cli/main.ts', import.meta.url);
if (existsSync(source) && process.env.WXVOIP_BIN !== 'dist') {
  const packageDir = fileURLToPath(new URL('..', import.meta.url));
  const cacheDir = new URL('../node_modules/.cache/wxvoip-mock/', import.meta.url);
  const bundle = new URL('main.mjs', cacheDir);
  const STAMP = '// wxvoip-mock inputs ';
  /** Size and mtime of each input (paths relative to the package), or null for a file that is gone. */
  const stampOf = (path) => {
    try {
      const stat = statSync(new URL(path, new URL('..', import.meta.url)));
      return `${stat.size}:${stat.mtimeMs}`;
    } catch {
      return null;
    }
  };
  /** The bundle with its inline source map moved one line down, below the line of stamps put above it. */
  const shiftSourceMap = (code) => {
    const marker = '//# sourceMappingURL=data:application/json;base64,';
    const at = code.lastIndexOf(marker);
    if (at < 0) return code;
    const map = JSON.parse(Buffer.from(code.slice(at + marker.length).trim(), 'base64').toString('utf8'));
    map.mappings = `;${map.mappings}`;
    return `${code.slice(0, at)}${marker}${Buffer.from(JSON.stringify(map)).toString('base64')}\n`;
  };
  /** Whether the cached bundle was built from the files as they are now. */
  const fresh = () => {
    let text;
    try {
      text = readFileSync(bundle, 'utf8');
    } catch {
      return false;
    }
    if (!text.startsWith(STAMP)) return false;
    let inputs;
    try {
      inputs = JSON.parse(text.slice(STAMP.length, text.indexOf('\n')));
    } catch {
      return false;
    }
    return Object.entries(inputs).every(([path, stamp]) => stampOf(path) === stamp);
  };
  if (!fresh()) {
    const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    // Third-party packages stay imports; the platform and the workspace packages (their "@wxvoip/source" sources) are bundled.
    const external = Object.keys({ ...manifest.dependencies, ...manifest.peerDependencies })
      .filter((name) => !name.startsWith('@wxvoip/'))
      .flatMap((name) => [name, `${name}/*`]);
    mkdirSync(cacheDir, { recursive: true });
    // esbuild is a devDependency of the workspace only; the published package never reaches this line.
    const bundler = 'esbuild';
    const { build } = await import(bundler);
    const result = await build({
      absWorkingDir: packageDir,
      entryPoints: ['src/cli/main.ts'],
      bundle: true,
      write: false,
      metafile: true,
      outfile: fileURLToPath(bundle),
      platform: 'node',
      format: 'esm',
      target: 'node20',
      conditions: ['@wxvoip/source'],
      external,
      sourcemap: 'inline',
      logLevel: 'error',
    });
    // This launcher and the manifest (externals) are inputs too: a change to either rebuilds.
    const inputs = Object.fromEntries(['bin/wxvoip-mock.js', 'package.json', ...Object.keys(result.metafile.inputs)].map((path) => [path, stampOf(path)]));
    // One file per process, renamed into place: processes started side by side never read a half-written bundle.
    const written = new URL(`main-${process.pid}.mjs`, cacheDir);
    const code = result.outputFiles[0].text;
    // The stamps take the hashbang's line (main.ts has one), so the source map's lines stay right; else one line more.
    const stamped = code.startsWith('#!') ? `${STAMP}${JSON.stringify(inputs)}${code.slice(code.indexOf('\n'))}` : `${STAMP}${JSON.stringify(inputs)}\n${shiftSourceMap(code)}`;
    writeFileSync(written, stamped);
    renameSync(written, bundle);
  }
  process.setSourceMapsEnabled(true);
  await import(bundle.href);
} else {
  await import(new URL('../dist/cli/main.js', import.meta.url).href);
}
