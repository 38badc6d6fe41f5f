/**
 * Writes docs/magic-values.md (at the repository root) from the magic-value table of the platform core.
 *
 * Run from apps/mock-platform: `pnpm exec tsx --conditions=@wxvoip/source scripts/generateMagicValuesDoc.ts`.
 * With `--check` it writes nothing and exits with status 1 when the file is out of date.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MAGIC_VALUES_DOC_COMMAND, renderMagicValuesMarkdown } from '../src/core/faults/renderMagicValuesMarkdown.js';

const target = fileURLToPath(new URL('../../../docs/magic-values.md', import.meta.url));
const rendered = renderMagicValuesMarkdown();

if (process.argv.includes('--check')) {
  const current = existsSync(target) ? readFileSync(target, 'utf8') : '';
  if (current !== rendered) {
    console.error(`${target} is out of date with src/core/faults: run ${MAGIC_VALUES_DOC_COMMAND}`);
    process.exitCode = 1;
  } else {
    console.log(`${target} is up to date`);
  }
} else {
  writeFileSync(target, rendered);
  console.log(`wrote ${target}`);
}
