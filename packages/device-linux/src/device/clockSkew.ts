/** How far the local clock may be from the platform's before `wx_init` refuses: 5 s (D §1.1, §8). */
export const MAX_CLOCK_SKEW_MS = 5_000;

/**
 * The local clock's offset from the platform's, measured around one request: `serverTime` was read by the platform
 * between `sentAt` and `receivedAt` (local times), so the local clock at that moment is taken as their midpoint.
 * Positive: the local clock is ahead.
 *
 * @example
 * clockSkewMs({ sentAt: 1_000, receivedAt: 1_010, serverTime: 7_005 }); // -6000: 6 s behind
 */
export function clockSkewMs(sample: { sentAt: number; receivedAt: number; serverTime: number }): number {
  return Math.round((sample.sentAt + sample.receivedAt) / 2 - sample.serverTime);
}
