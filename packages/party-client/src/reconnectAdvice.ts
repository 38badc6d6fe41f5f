import type { ChannelCloseReason } from './partyFailure.js';

/**
 * What a party does after its push channel closed:
 * - `reopenChannel`: the credential still works (the socket dropped, or could not open): open the channel again; the
 *   platform numbers pushes per party, so the seqs carry on and the pushes queued meanwhile come after `hello`;
 * - `connectAgain`: the credential is dead (reset, expired, kicked, taken offline, missed pongs, shut down, refused):
 *   `connect` again for a new one, then open the channel;
 * - `stop`: do nothing: this party asked for it (`disconnected`, `cancelled`) or another connection of the same
 *   identity took over (`replaced`; reconnecting would only take it back, and so on forever).
 */
export type ReconnectAdvice = 'reopenChannel' | 'connectAgain' | 'stop';

/**
 * The reconnect rule for a channel end (ADR 0026).
 *
 * @example
 * if (reconnectAdvice(reason) === 'connectAgain') await device.init(config);
 */
export function reconnectAdvice(reason: ChannelCloseReason): ReconnectAdvice {
  switch (reason) {
    case 'lost':
    case 'unreachable':
      return 'reopenChannel';
    case 'disconnected':
    case 'cancelled':
    case 'replaced':
      return 'stop';
    case 'reset':
    case 'credentialExpired':
    case 'kicked':
    case 'offline':
    case 'missedPongs':
    case 'shutdown':
    case 'refused':
      return 'connectAgain';
  }
}

/** First delay before trying to reconnect, in ms; each failed attempt doubles it up to {@link RECONNECT_MAX_DELAY_MS} [I]. */
export const RECONNECT_BASE_DELAY_MS = 250;

/** Longest delay between two reconnect attempts, in ms [I]. */
export const RECONNECT_MAX_DELAY_MS = 10_000;

/**
 * Delay before reconnect attempt `attempt` (0 for the first): 250 ms, doubling, at most 10 s.
 *
 * @example
 * reconnectDelayMs(0); // 250
 * reconnectDelayMs(10); // 10000
 */
export function reconnectDelayMs(attempt: number): number {
  const n = Number.isFinite(attempt) && attempt > 0 ? Math.floor(attempt) : 0;
  return Math.min(RECONNECT_MAX_DELAY_MS, RECONNECT_BASE_DELAY_MS * 2 ** Math.min(n, 16));
}
