/** toMatchVoipSequence: exact order, partial data, calling ticks skipped, and a failure message that is a side-by-side diff. */
import type { VoipEvent } from '@wxvoip/contracts';
import { describe, expect, it } from 'vitest';
import { voipMatchers } from './index.js';

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

  it('prints both sequences side by side and where they part', () => {
    let message = '';
    try {
      expect(answered).toMatchVoipSequence(['callPageOnShow', 'joinedRoomByCaller', 'timeout', 'endVoip']);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toBe(
      [
        'expected the VoIP events to match this sequence (calling ticks skipped):',
        '      expected             received',
        '  ✓  1 callPageOnShow       callPageOnShow',
        '  ✓  2 joinedRoomByCaller   joinedRoomByCaller',
        '  ✗  3 timeout              startVoip',
        '  ✗  4 endVoip              hangUpVoip {"keepTime":1,"status":"endByCaller","origin":"manual"}',
        'first difference at #3',
      ].join('\n'),
    );
  });

  it('says what it expected when given something else', () => {
    expect(() => expect('not events').toMatchVoipSequence([])).toThrow('toMatchVoipSequence expects an array of VoIP events or a plugin simulator, got "not events"');
  });
});
