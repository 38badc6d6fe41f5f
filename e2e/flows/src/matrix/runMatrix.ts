import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFlowHost, type FlowHost } from './flowHost.js';
import { MATRIX } from './registry.js';
import { OUTCOMES, type Outcome, type Transport } from './vocabulary.js';

/**
 * Declares the matrix's tests for one transport: one test per runnable cell, asserting the whole observation (every
 * party's ordered events or statuses, the room's outcome, the billed seconds, the refusal) against the cell's
 * documented expectation. Cells that WeChat has no way to express are listed as skipped with their reason.
 */
export function describeMatrix(transport: Transport): void {
  let host: FlowHost;
  beforeAll(async () => {
    host = await startFlowHost(transport);
  });
  afterAll(async () => {
    await host.close();
  });

  for (const { direction, cells } of MATRIX) {
    describe(`${direction} (${transport})`, () => {
      for (const outcome of Object.keys(OUTCOMES) as Outcome[]) {
        const cell = cells[outcome];
        if (cell.kind === 'notApplicable') {
          it.skip(`${outcome}: not applicable (${cell.why})`, () => undefined);
          continue;
        }
        it(outcome, async () => {
          const env = await host.env(`${direction}-${outcome}`);
          try {
            expect(await cell.run(env)).toEqual(cell.expect);
          } finally {
            await host.endCell(env);
          }
        });
      }
    });
  }
}
