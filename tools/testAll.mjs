#!/usr/bin/env node
/**
 * `pnpm test`: lint, typecheck and test of every project, in two Nx runs side by side.
 *
 * Nx starts the projects with the most dependents first and, on a fresh clone, has no timing history to break ties,
 * so the two longest test projects (the flow matrix and the release rehearsal, about 2 minutes each) used to start
 * last and make the run's tail. Here they start at once in their own run (one task at a time), while the other
 * projects run two at a time: three tasks in flight, as Nx's default `--parallel=3` had. Each run keeps its own Nx
 * data directory, so the two never write the same files. Exits non-zero when either run fails.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const LONG = ['@wxvoip/e2e-flows', '@wxvoip/e2e-release'];
const runs = [
  { name: 'e2e', parallel: 1, select: ['-p', LONG.join(',')] },
  { name: 'rest', parallel: 2, select: ['--exclude', LONG.join(',')] },
];

const results = await Promise.all(
  runs.map(
    ({ name, parallel, select }) =>
      new Promise((resolve) => {
        const args = ['exec', 'nx', 'run-many', '-t', 'lint,typecheck,test', ...select, `--parallel=${parallel}`, '--outputStyle=stream'];
        const env = { ...process.env, NX_WORKSPACE_DATA_DIRECTORY: `${root}.nx/workspace-data-${name}`, NX_CACHE_DIRECTORY: `${root}.nx/cache-${name}` };
        const child = spawn('pnpm', args, { cwd: root, env, stdio: 'inherit' });
        child.on('exit', (code, signal) => resolve({ name, code: code ?? (signal === null ? 1 : 128) }));
        child.on('error', (error) => {
          console.error(`test: cannot start the ${name} run: ${error.message}`);
          resolve({ name, code: 1 });
        });
      }),
  ),
);
const failed = results.filter((r) => r.code !== 0);
for (const r of failed) console.error(`test: the ${r.name} run failed (exit ${r.code})`);
process.exit(failed.length === 0 ? 0 : 1);
