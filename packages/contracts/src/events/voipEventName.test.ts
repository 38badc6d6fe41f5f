import { describe, expect, expectTypeOf, it } from 'vitest';
import { ROOMLESS_VOIP_EVENT_NAMES, VoipEventName, isRoomVoipEventName } from './voipEventName.js';
import type { RoomVoipEventName } from './voipEventName.js';

describe('VoipEventName', () => {
  it('lists the 18 names of the P §7 table, each once', () => {
    expect(VoipEventName.options).toHaveLength(18);
    expect(new Set(VoipEventName.options).size).toBe(VoipEventName.options.length);
    expect(VoipEventName.parse('finishVoip')).toBe('finishVoip');
  });

  it('rejects an undocumented name with a message naming the rule', () => {
    const result = VoipEventName.safeParse('offVoipEvent');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain('one of the 18 documented onVoipEvent names');
  });

  it('marks callPageOnShow and bindContact as the only events without a room', () => {
    const roomless = VoipEventName.options.filter((name) => !isRoomVoipEventName(name));
    expect(roomless).toEqual([...ROOMLESS_VOIP_EVENT_NAMES]);
    expect(roomless).toEqual(['callPageOnShow', 'bindContact']);
  });

  it('types room events without the two roomless names', () => {
    expectTypeOf<'bindContact'>().not.toMatchTypeOf<RoomVoipEventName>();
    expectTypeOf<'finishVoip'>().toMatchTypeOf<RoomVoipEventName>();
  });
});
