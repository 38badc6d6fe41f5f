import { setFlagsFromString } from 'node:v8';

/** Environment variable: how far V8 lets the old generation grow past what was live at its last full GC, in %. */
export const HEAP_GROWING_ENV = 'WXVOIP_HEAP_GROWING_PERCENT';

/** Default growth past the live heap before the next full GC: 50 % (V8's own factor goes up to 300 %). */
export const DEFAULT_HEAP_GROWING_PERCENT = 50;

/** What {@link limitHeapGrowth} decided. */
export type HeapGrowthLimit = { readonly limited: true; readonly percent: number } | { readonly limited: false; readonly reason: string; readonly invalid?: true };

/** The limit asked for by the environment, or why there is none. */
export function heapGrowthLimitOf(env: NodeJS.ProcessEnv, execArgv: readonly string[]): HeapGrowthLimit {
  const nodeOptions = `${execArgv.join(' ')} ${env['NODE_OPTIONS'] ?? ''}`;
  if (/--heap-growing-percent|--max-old-space-size|--max-heap-size|--optimize-for-size/.test(nodeOptions)) return { limited: false, reason: 'node options size the old generation' };
  const raw = env[HEAP_GROWING_ENV];
  if (raw === undefined || raw === '') return { limited: true, percent: DEFAULT_HEAP_GROWING_PERCENT };
  const percent = Number(raw);
  if (!Number.isInteger(percent) || percent < 0) return { limited: false, invalid: true, reason: `${HEAP_GROWING_ENV}=${raw} is not a whole number of percent` };
  if (percent === 0) return { limited: false, reason: `${HEAP_GROWING_ENV}=0` };
  return { limited: true, percent };
}

/**
 * Lets V8's old generation grow at most `percent` past what was live at the last full GC before it collects again, in
 * this process (the CLI's own: a library never changes its host's V8 flags). The platform keeps a bounded journal
 * and bounded tickets that turn over under load: every entry is promoted, then dropped, so the old generation is
 * mostly garbage between two full GCs, and V8's own factor (up to 4 × the live heap) let it reach about three times the
 * live heap in a 10 s load (issue 19, ADR 0037). A full GC costs what is live (about 20 MB here), a few ms.
 * `WXVOIP_HEAP_GROWING_PERCENT=0`, or any old-generation flag in the node options, leaves V8's default.
 */
export function limitHeapGrowth(limit: HeapGrowthLimit): void {
  if (limit.limited) setFlagsFromString(`--heap-growing-percent=${limit.percent}`);
}
