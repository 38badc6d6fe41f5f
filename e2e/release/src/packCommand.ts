/**
 * `pnpm release:pack [--out DIR]`: every published package as a tarball in one folder (default `tarballs/` at the
 * repository root), to install outside the repository before anything is published.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { packRelease } from './packRelease.js';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const { values } = parseArgs({ args: process.argv.slice(2).filter((arg) => arg !== '--'), options: { out: { type: 'string', default: 'tarballs' } } });
const outDir = resolve(process.env['INIT_CWD'] ?? root, values.out);
const tarballs = await packRelease({ root, outDir, log: (line) => console.log(`release:pack: ${line}`) });
console.log(`\n${tarballs.length} tarballs in ${outDir}:`);
for (const tarball of tarballs) console.log(`  ${tarball.file}`);
console.log(`\nInstall them in a project outside this repository:\n  npm install ${tarballs.map((t) => `${outDir}/${t.file}`).join(' ')}`);
