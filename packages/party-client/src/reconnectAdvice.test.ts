import { describe, expect, it } from 'vitest';
import { reconnectAdvice, reconnectDelayMs } from './reconnectAdvice.js';

describe('reconnect rules', () => {
  it.each([
    ['lost', 'reopenChannel'],
    ['unreachable', 'reopenChannel'],
    ['replaced', 'stop'],
    ['disconnected', 'stop'],
    ['cancelled', 'stop'],
    ['reset', 'connectAgain'],
    ['credentialExpired', 'connectAgain'],
    ['kicked', 'connectAgain'],
    ['offline', 'connectAgain'],
    ['missedPongs', 'connectAgain'],
    ['shutdown', 'connectAgain'],
    ['refused', 'connectAgain'],
  ] as const)('after %s: %s', (reason, advice) => {
    expect(reconnectAdvice(reason)).toBe(advice);
  });

  it('backs off from 250 ms, doubling, up to 10 s', () => {
    expect([0, 1, 2, 5, 6, 40, -1, Number.NaN].map(reconnectDelayMs)).toEqual([250, 500, 1000, 8000, 10_000, 10_000, 250, 250]);
  });
});
