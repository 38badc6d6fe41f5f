import { PerformanceObserver } from 'node:perf_hooks';
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';

/** Environment variable: the largest semi-space (MB) the CLI lets V8's young generation grow to; 0 leaves V8's default. */
export const SEMI_SPACE_ENV = 'WXVOIP_MAX_SEMI_SPACE_MB';

/** Default cap of one semi-space, in MB: what a bare fastify server's young generation reaches under the same load. */
export const DEFAULT_SEMI_SPACE_MB = 8;

/** V8's own growth factor of the new space (`--semi-space-growth-factor`). */
const V8_GROWTH_FACTOR = 2;

/** What {@link capYoungGeneration} decided, for the banner and tests. */
export type YoungGenerationCap = { readonly capped: true; readonly semiSpaceMb: number } | { readonly capped: false; readonly reason: string; readonly invalid?: true };

/** The cap asked for by the environment, or why there is none. */
export function youngGenerationCapOf(env: NodeJS.ProcessEnv, execArgv: readonly string[]): YoungGenerationCap {
  const nodeOptions = `${execArgv.join(' ')} ${env['NODE_OPTIONS'] ?? ''}`;
  if (/--(max|min)-semi-space-size|--semi-space-growth-factor|--max-heap-size/.test(nodeOptions)) return { capped: false, reason: 'node options size the young generation' };
  const raw = env[SEMI_SPACE_ENV];
  if (raw === undefined || raw === '') return { capped: true, semiSpaceMb: DEFAULT_SEMI_SPACE_MB };
  const mb = Number(raw);
  if (!Number.isInteger(mb) || mb < 0) return { capped: false, invalid: true, reason: `${SEMI_SPACE_ENV}=${raw} is not a whole number of MB` };
  if (mb === 0) return { capped: false, reason: `${SEMI_SPACE_ENV}=0` };
  return { capped: true, semiSpaceMb: mb };
}

/** Bytes of V8's new space (both semi-spaces) now. */
const newSpaceBytes = (): number => getHeapSpaceStatistics().find((space) => space.space_name === 'new_space')?.space_size ?? 0;

/**
 * Keeps V8's young generation at most `semiSpaceMb` per semi-space in this process (the CLI's own: a library never
 * changes its host's V8 flags). V8 doubles the new space each time the bytes that survived scavenges since the last
 * doubling exceed its size, up to 16 MB per semi-space on 64-bit hosts. A mock platform keeps what it answers (a journal
 * entry and an snTicket per request, by design), so under load its new space always reaches that maximum: 32 MB of
 * RSS, twice what a bare fastify server reaches under the same load, where nothing survives (issue 19, ADR 0037).
 * After each garbage collection this sets V8's growth factor to 1 once the new space reached the cap and back to 2
 * below it (V8 may shrink it again when idle), which V8 reads at each growth. The cost is more scavenges, each as
 * cheap as the survivors are few; `WXVOIP_MAX_SEMI_SPACE_MB=0` (or any young-generation flag in the node options)
 * leaves V8's default.
 */
export function capYoungGeneration(cap: YoungGenerationCap): () => void {
  if (!cap.capped) return () => undefined;
  const capBytes = 2 * cap.semiSpaceMb * 1024 * 1024;
  let factor = V8_GROWTH_FACTOR;
  const setFactor = (next: number) => {
    if (next === factor) return;
    factor = next;
    setFlagsFromString(`--semi-space-growth-factor=${next}`);
  };
  const check = () => setFactor(newSpaceBytes() >= capBytes ? 1 : V8_GROWTH_FACTOR);
  const observer = new PerformanceObserver(check);
  observer.observe({ entryTypes: ['gc'] });
  check();
  return () => {
    observer.disconnect();
    setFactor(V8_GROWTH_FACTOR);
  };
}
