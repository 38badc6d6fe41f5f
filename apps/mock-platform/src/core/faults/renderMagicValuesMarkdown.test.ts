import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MAGIC_VALUES } from './magicValueExamples.js';
import { MAGIC_VALUES_DOC_COMMAND, renderMagicValuesMarkdown } from './renderMagicValuesMarkdown.js';

const docPath = fileURLToPath(new URL('../../../../../docs/magic-values.md', import.meta.url));

describe('docs/magic-values.md', () => {
  it('matches the magic-value table', () => {
    const stale = `docs/magic-values.md is out of date with src/core/faults: run ${MAGIC_VALUES_DOC_COMMAND}`;
    expect(existsSync(docPath), `docs/magic-values.md does not exist: run ${MAGIC_VALUES_DOC_COMMAND}`).toBe(true);
    expect(readFileSync(docPath, 'utf8') === renderMagicValuesMarkdown(), stale).toBe(true);
  });
});

describe('renderMagicValuesMarkdown', () => {
  it('is deterministic and lists every example value with its operation', () => {
    const markdown = renderMagicValuesMarkdown();
    expect(renderMagicValuesMarkdown()).toBe(markdown);
    for (const e of MAGIC_VALUES) expect(markdown).toContain(`| \`${e.value}\` | ${e.field} | \`${e.operation}\` | ${String(e.code)} |`);
    expect(markdown).toContain('| server-api | 40125 | `INVALID_APPSECRET` |');
  });
});
