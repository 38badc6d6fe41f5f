import { describe, expect, it } from 'vitest';
import { VOIP_EVENT_CATALOGUE } from './voipEventCatalogue.js';
import { VoipEventName } from './voipEventName.js';

describe('VOIP_EVENT_CATALOGUE', () => {
  it('has one entry per event name and nothing else', () => {
    expect(Object.keys(VOIP_EVENT_CATALOGUE).sort()).toEqual([...VoipEventName.options].sort());
  });

  it('marks exactly the events that P §9 pairs with endVoip as call-ending', () => {
    const ending = VoipEventName.options.filter((name) => VOIP_EVENT_CATALOGUE[name].endsCall);
    expect(ending.sort()).toEqual(['abortVoip', 'busy', 'cancelVoip', 'hangUpVoip', 'rejectVoip', 'timeout']);
  });

  it('records the caller-only and listener-only events of P §7', () => {
    const by = (audience: string) => VoipEventName.options.filter((name) => VOIP_EVENT_CATALOGUE[name].firedOn === audience);
    expect(by('caller').sort()).toEqual(['busy', 'joinFailCaller', 'joinedRoomByCaller', 'timeout']);
    expect(by('listener').sort()).toEqual(['hangOnVoip', 'hideCustomBox', 'joinFailListener', 'showCustomBox']);
    expect(VOIP_EVENT_CATALOGUE.finishVoip.sinceVersion).toBe('2.2.2');
  });
});
