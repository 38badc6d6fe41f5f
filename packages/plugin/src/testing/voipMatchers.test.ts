/** toMatchVoipSequence: exact order, partial data, calling ticks skipped, and a failure message that is a side-by-side diff. */
import type { VoipEvent } from '@wxvoip/contracts';
import { describe, expect, it } from 'vitest';
import { voipMatchers, type VoipSequenceItem } from './index.js';

expect.extend(voipMatchers);

const room = 'wxf830863afde621ebWmpfVoip1';
const answered: VoipEvent[] = [
  { eventName: 'callPageOnShow' },
  { eventName: 'joinedRoomByCaller', roomId: room, groupId: room },
  { eventName: 'startVoip', roomId: room, groupId: room },
  { eventName: 'calling', roomId: room, groupId: room, data: { keepTime: 1 } },
  { eventName: 'hangUpVoip', roomId: room, groupId: room, data: { keepTime: 1, status: 'endByCaller', origin: 'manual' } },
] as VoipEvent[];

describe('toMatchVoipSequence', () => {
  it('passes on the same names in the same order, skipping calling ticks', () => {
    expect(answered).toMatchVoipSequence(['callPageOnShow', 'joinedRoomByCaller', 'startVoip', 'hangUpVoip']);
  });

  it('checks only the data fields an item names, with asymmetric matchers', () => {
    expect(answered).toMatchVoipSequence(['callPageOnShow', 'joinedRoomByCaller', 'startVoip', { eventName: 'hangUpVoip', data: { status: 'endByCaller', keepTime: expect.any(Number) } }]);
    expect(answered).not.toMatchVoipSequence(['callPageOnShow', 'joinedRoomByCaller', 'startVoip', { eventName: 'hangUpVoip', data: { status: 'endByListener' } }]);
  });

  it('compares calling ticks when the sequence names them', () => {
    expect(answered).toMatchVoipSequence(['callPageOnShow', 'joinedRoomByCaller', 'startVoip', 'calling', 'hangUpVoip']);
    expect(answered).not.toMatchVoipSequence(['callPageOnShow', 'joinedRoomByCaller', 'startVoip', 'hangUpVoip'], { calling: true });
  });

  it('fails on a missing, an extra or a reordered event', () => {
    expect(answered).not.toMatchVoipSequence(['callPageOnShow', 'joinedRoomByCaller', 'startVoip']);
    expect(answered).not.toMatchVoipSequence(['callPageOnShow', 'joinedRoomByCaller', 'startVoip', 'hangUpVoip', 'endVoip']);
    expect(answered).not.toMatchVoipSequence(['joinedRoomByCaller', 'callPageOnShow', 'startVoip', 'hangUpVoip']);
  });

  it('prints both sequences side by side, aligned on what they share', () => {
    const failure = (expected: VoipSequenceItem[]) => {
      try {
        expect(answered).toMatchVoipSequence(expected);
      } catch (error) {
        return (error as Error).message;
      }
      return '';
    };
    expect(failure(['callPageOnShow', 'joinedRoomByCaller', 'timeout', 'endVoip'])).toBe(
      [
        'expected the VoIP events to match this sequence (calling ticks skipped):',
        '    expected             received',
        '    callPageOnShow       callPageOnShow',
        '    joinedRoomByCaller   joinedRoomByCaller',
        '  - timeout',
        '  - endVoip',
        '  +                      startVoip',
        '  +                      hangUpVoip {"keepTime":1,"status":"endByCaller","origin":"manual"}',
        '(- expected but did not arrive, + arrived but not expected)',
      ].join('\n'),
    );
    // One extra event is one line, not a cascade of mismatches.
    expect(failure(['callPageOnShow', 'startVoip', { eventName: 'hangUpVoip', data: { origin: 'manual' } }])).toBe(
      [
        'expected the VoIP events to match this sequence (calling ticks skipped):',
        '    expected                         received',
        '    callPageOnShow                   callPageOnShow',
        '  +                                  joinedRoomByCaller',
        '    startVoip                        startVoip',
        '    hangUpVoip {"origin":"manual"}   hangUpVoip {"keepTime":1,"status":"endByCaller","origin":"manual"}',
        '(- expected but did not arrive, + arrived but not expected)',
      ].join('\n'),
    );
  });

  it('says what it expected when given something else', () => {
    expect(() => expect('not events').toMatchVoipSequence([])).toThrow('toMatchVoipSequence expects an array of VoIP events or a plugin simulator, got "not events"');
  });
});
