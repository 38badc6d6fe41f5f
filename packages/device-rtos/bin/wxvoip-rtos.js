#!/usr/bin/env node
// The `wxvoip-rtos` command (ADR 0017). Installed from npm it runs the built JavaScript in dist/ under plain Node.
// Inside the wxvoip workspace (src/ next to dist/) it runs the TypeScript sources through tsx, in this same process,
// so that a fresh clone needs no build; WXVOIP_BIN=dist runs the build there too.
import { existsSync } from 'node:fs';
import { register } from 'node:module';

const source = new URL('../src/cli/main.ts', import.meta.url);
if (existsSync(source) && process.env.WXVOIP_BIN !== 'dist') {
  // Workspace packages resolve to their sources under the "@wxvoip/source" export condition.
  register('data:text/javascript,export function resolve(s,c,n){return n(s,{...c,conditions:[...c.conditions,"@wxvoip/source"]})}');
  // tsx is a devDependency of the workspace only; the published package never reaches this line.
  const loader = 'tsx/esm/api';
  const { register: registerTsx } = await import(loader);
  registerTsx();
  await import(source.href);
} else {
  await import(new URL('../dist/cli/main.js', import.meta.url).href);
}
