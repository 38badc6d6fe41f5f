import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MATRIX } from './matrix/registry.js';
import { renderMatrixTable, withMatrixTable } from './matrix/renderMatrixTable.js';
import { DIRECTIONS, OUTCOMES } from './matrix/vocabulary.js';

describe('the matrix table in e2e/flows/README.md', () => {
  it('is the one generated from the cells (run `pnpm --filter @wxvoip/e2e-flows run table` after changing a cell)', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    expect(readme).toContain(renderMatrixTable());
    expect(withMatrixTable(readme)).toBe(readme);
  });

  it('covers every direction and every outcome, and gives a reason for each cell that does not run', () => {
    expect(MATRIX.map((d) => d.direction)).toEqual(Object.keys(DIRECTIONS));
    for (const { direction, cells } of MATRIX) {
      expect(Object.keys(cells).sort(), direction).toEqual(Object.keys(OUTCOMES).sort());
      for (const [outcome, cell] of Object.entries(cells)) if (cell.kind === 'notApplicable') expect(cell.why, `${direction} ${outcome}`).not.toMatch(/not written yet|^$/);
    }
  });
});
