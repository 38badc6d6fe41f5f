import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ERRORS_DOC_COMMAND, renderErrorsMarkdown } from './renderErrorsMarkdown.js';

const docPath = fileURLToPath(new URL('../../../../docs/errors.md', import.meta.url));

describe('docs/errors.md', () => {
  it('matches the catalogue', () => {
    const stale = `docs/errors.md is out of date with src/errors: run ${ERRORS_DOC_COMMAND}`;
    expect(existsSync(docPath), `docs/errors.md does not exist: run ${ERRORS_DOC_COMMAND}`).toBe(true);
    expect(readFileSync(docPath, 'utf8') === renderErrorsMarkdown(), stale).toBe(true);
  });
});
