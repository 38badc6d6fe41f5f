/**
 * The control API facade (`/__admin`): `createControlHandlers` and what adapters need with it. The handlers live in
 * this folder, one concern per file; `../controlApi.ts` puts them together.
 */
export { createControlHandlers } from '../controlApi.js';
export { validationProblem } from '../problems.js';
export type { ControlApiOptions } from '../controlApi.js';
