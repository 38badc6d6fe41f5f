/** `pnpm --filter @wxvoip/e2e-flows run table`: rewrites the generated matrix table in e2e/flows/README.md. */
import { readFileSync, writeFileSync } from 'node:fs';
import { withMatrixTable } from './matrix/renderMatrixTable.js';

const path = new URL('../README.md', import.meta.url);
writeFileSync(path, withMatrixTable(readFileSync(path, 'utf8')));
console.log('e2e/flows/README.md: matrix table written');
