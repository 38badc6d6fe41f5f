/**
 * Writes docs/errors.md (at the repository root) from the error catalogue.
 *
 * Run from packages/contracts: `pnpm exec tsx scripts/generateErrorsDoc.ts`.
 * With `--check` it writes nothing and exits with status 1 when the file is out of date.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ERRORS_DOC_COMMAND, renderErrorsMarkdown } from '../src/errors/index.js';

const target = fileURLToPath(new URL('../../../docs/errors.md', import.meta.url));
const rendered = renderErrorsMarkdown();

if (process.argv.includes('--check')) {
  const current = existsSync(target) ? readFileSync(target, 'utf8') : '';
  if (current !== rendered) {
    console.error(`${target} is out of date with src/errors: run ${ERRORS_DOC_COMMAND}`);
    process.exitCode = 1;
  } else {
    console.log(`${target} is up to date`);
  }
} else {
  writeFileSync(target, rendered);
  console.log(`wrote ${target}`);
}
