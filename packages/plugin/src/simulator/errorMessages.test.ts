/** Errors read like the real plugin's: `message` starts with `errMsg`; the fix is a separate property (and in docs/errors.md). */
import { errorByKey, isVoipError, type VoipError } from '@wxvoip/contracts';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { useWmpfVoipTesting } from '../testing/index.js';

const t = useWmpfVoipTesting({ beforeAll, beforeEach, afterEach, afterAll });

async function thrown(run: () => Promise<unknown>): Promise<VoipError> {
  const error = await run().then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isVoipError(error)) throw new Error(`expected a VoipError, got ${String(error)}`);
  return error;
}

describe('VoipError messages', () => {
  it.each([
    ['an argument error (1004)', () => t.wmpfVoip.callDevice({ roomType: 'video', sn: 'bad sn', modelId: 'model-linux-doorbell' }), 'INVALID_CALL_ARGUMENTS'],
    ['a backend refusal (12)', () => t.wmpfVoip.callDevice({ roomType: 'video', sn: 'SN-PROTO-0001', modelId: 'model-linux-prototype' }), 'VOIP_CAPABILITY_NOT_APPROVED'],
  ] as const)('%s: first line is errMsg, then one line pointing at error.fix', async (_name, run, key) => {
    const error = await thrown(run);
    const lines = error.message.split('\n');
    expect(lines[0]).toBe(error.errMsg);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(new RegExp(`^\\[wxvoip\\] errCode ${error.errCode} \\(${key}\\) in callDevice: how to fix it is in error\\.fix and docs/errors\\.md`));
    expect(error.fix).toBe(errorByKey(key).fix);
  });
});
