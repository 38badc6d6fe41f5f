import { describe, expect, expectTypeOf, it } from 'vitest';
import type { AbortVoipData, BindContactData, CallingData, EndVoipData, FinishVoipData, HangUpVoipData } from './eventData.js';
import { VoipEvent, VoipEventSchemas, isVoipEventOf } from './voipEvent.js';
import type { VoipEventDataOf, VoipEventOf } from './voipEvent.js';
import { VoipEventName } from './voipEventName.js';

const room = { roomId: 'wxf830863afde621ebWmpfVoip112343434123434', groupId: 'wxf830863afde621ebWmpfVoip112343434123434' };

/** One documented example per event (P §7); the type makes the compiler check each shape too. */
const examples: { [N in VoipEventName]: VoipEventOf<N> } = {
  startVoip: { eventName: 'startVoip', ...room },
  abortVoip: { eventName: 'abortVoip', ...room, data: { keepTime: 3, status: 'unknown', error: { errMsg: 'room status is abort' } } },
  hangOnVoip: { eventName: 'hangOnVoip', ...room },
  cancelVoip: { eventName: 'cancelVoip', ...room, data: { status: 'manual' } },
  rejectVoip: { eventName: 'rejectVoip', ...room, data: { status: 'other' } },
  hangUpVoip: { eventName: 'hangUpVoip', ...room, data: { keepTime: 61, status: 'endByListener', origin: 'other' } },
  endVoip: {
    eventName: 'endVoip',
    ...room,
    data: { keepTime: 62, callerName: 'Front door', listenerName: 'Alice', roomType: 'video', isCaller: false, businessType: 1 },
  },
  busy: { eventName: 'busy', ...room },
  calling: { eventName: 'calling', ...room, data: { keepTime: 1 } },
  timeout: { eventName: 'timeout', ...room },
  joinedRoomByCaller: { eventName: 'joinedRoomByCaller', ...room },
  joinFailCaller: { eventName: 'joinFailCaller', ...room, data: { errMsg: 'Already in room or joining', message: 'Already in room or joining' } },
  joinFailListener: { eventName: 'joinFailListener', ...room, data: { errMsg: 'join fail', message: 'join fail' } },
  finishVoip: { eventName: 'finishVoip', ...room, data: { keepTime: 60 } },
  callPageOnShow: { eventName: 'callPageOnShow' },
  showCustomBox: { eventName: 'showCustomBox', ...room, data: { callerId: 'SN_0001', listenerId: 'o_alice' } },
  hideCustomBox: { eventName: 'hideCustomBox', ...room, data: { callerId: 'SN_0001', listenerId: 'o_alice' } },
  bindContact: { eventName: 'bindContact', data: { type: 'success', errMsg: 'ok', userId: 'face_user_1' } },
};

function issuesOf(value: unknown) {
  const result = VoipEvent.safeParse(value);
  expect(result.success).toBe(false);
  return result.error?.issues ?? [];
}

describe('VoipEvent', () => {
  it('has an example for every one of the 18 names', () => {
    expect(Object.keys(examples).sort()).toEqual([...VoipEventName.options].sort());
  });

  it.each(VoipEventName.options)('parses a valid %s event, through the union and its own schema', (name) => {
    const example = examples[name];
    expect(VoipEvent.parse(example)).toEqual(example);
    expect(VoipEventSchemas[name].parse(example)).toEqual(example);
  });

  it('rejects a wrong payload with the path into data', () => {
    const issues = issuesOf({ eventName: 'hangUpVoip', ...room, data: { keepTime: 5, status: 'endByCaller', origin: 'unplugged' } });
    expect(issues[0]?.path).toEqual(['data', 'origin']);
    expect(issues[0]?.message).toContain('hangUpVoip origin must be');
  });

  it('rejects a missing payload with a message naming its fields', () => {
    const issues = issuesOf({ eventName: 'finishVoip', ...room });
    expect(issues[0]?.path).toEqual(['data']);
    expect(issues[0]?.message).toBe('finishVoip requires data { keepTime } (the billed duration)');
  });

  it('rejects a payload on an event that documents none', () => {
    const issues = issuesOf({ eventName: 'busy', ...room, data: { reason: 'x' } });
    expect(issues[0]?.path).toEqual(['data', 'reason']);
    expect(issues[0]?.message).toContain('busy carries no data fields');
  });

  it('rejects an unknown eventName with the rule', () => {
    const issues = issuesOf({ eventName: 'answerVoip', ...room });
    expect(issues[0]?.path).toEqual(['eventName']);
    expect(issues[0]?.message).toContain('one of the 18 documented onVoipEvent names');
  });

  it('accepts roomId alone (no alias) and groupId alone (plugin < 2.4.0)', () => {
    expect(VoipEvent.safeParse({ eventName: 'busy', roomId: 'r1' }).success).toBe(true);
    expect(VoipEvent.safeParse({ eventName: 'busy', groupId: 'r1' }).success).toBe(true);
  });

  it('requires a room on call events', () => {
    const issues = issuesOf({ eventName: 'startVoip' });
    expect(issues[0]?.path).toEqual(['roomId']);
    expect(issues[0]?.message).toContain('roomId (or its legacy alias groupId) is required');
    expect(VoipEventSchemas.calling.safeParse({ eventName: 'calling', data: { keepTime: 1 } }).error?.issues[0]?.path).toEqual(['roomId']);
  });

  it('requires groupId to equal roomId', () => {
    const issues = issuesOf({ eventName: 'timeout', roomId: 'r1', groupId: 'r2' });
    expect(issues[0]?.path).toEqual(['groupId']);
    expect(issues[0]?.message).toContain('groupId must equal roomId');
  });

  it.each(['roomId', 'groupId'])('rejects %s on the roomless events', (field) => {
    const issues = issuesOf({ eventName: 'callPageOnShow', [field]: 'r1' });
    expect(issues[0]?.path).toEqual([field]);
    expect(issues[0]?.message).toContain(`callPageOnShow is not tied to a call: ${field} must be absent`);
  });

  it('drops unknown envelope keys rather than failing', () => {
    expect(VoipEvent.parse({ eventName: 'busy', roomId: 'r1', extra: 1 })).toEqual({ eventName: 'busy', roomId: 'r1' });
  });

  it('narrows data by eventName', () => {
    const event = VoipEvent.parse(examples.finishVoip);
    if (event.eventName === 'finishVoip') {
      expectTypeOf(event.data).toEqualTypeOf<FinishVoipData>();
      expectTypeOf(event.data.keepTime).toBeNumber();
    }
    if (event.eventName === 'abortVoip') expectTypeOf(event.data).toEqualTypeOf<AbortVoipData>();
    if (event.eventName === 'hangUpVoip') expectTypeOf(event.data.origin).toEqualTypeOf<HangUpVoipData['origin']>();
    if (event.eventName === 'startVoip') expectTypeOf(event.data).toEqualTypeOf<Record<string, never> | undefined>();
    if (event.eventName === 'bindContact') {
      expectTypeOf(event.data).toEqualTypeOf<BindContactData>();
      expectTypeOf(event.roomId).toEqualTypeOf<undefined>();
    }
    expect(event.eventName).toBe('finishVoip');
  });

  it('maps names to event and data types', () => {
    expectTypeOf<VoipEventOf<'finishVoip'>['eventName']>().toEqualTypeOf<'finishVoip'>();
    expectTypeOf<VoipEventDataOf<'calling'>>().toEqualTypeOf<CallingData>();
    expectTypeOf<VoipEventDataOf<'endVoip'>>().toEqualTypeOf<EndVoipData>();
    expectTypeOf<VoipEventDataOf<'endVoip'>['isCaller']>().toBeBoolean();
    expectTypeOf(VoipEventSchemas.endVoip.parse).returns.toEqualTypeOf<VoipEventOf<'endVoip'>>();
  });

  it('isVoipEventOf narrows and checks the name', () => {
    const event: VoipEvent = VoipEvent.parse(examples.hangUpVoip);
    expect(isVoipEventOf(event, 'hangUpVoip')).toBe(true);
    expect(isVoipEventOf(event, 'endVoip')).toBe(false);
    if (isVoipEventOf(event, 'hangUpVoip')) expectTypeOf(event.data).toEqualTypeOf<HangUpVoipData>();
  });
});
