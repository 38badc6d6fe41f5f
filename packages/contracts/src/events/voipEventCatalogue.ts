import type { VoipEventName } from './voipEventName.js';

/**
 * Which plugin instance receives an event: the caller's, the listener's, both, or the WeChat client
 * outside a call (campus contact binding).
 */
export type VoipEventAudience = 'caller' | 'listener' | 'both' | 'wechatClient';

/** What the plugin documents about one event, beyond its payload shape. */
export interface VoipEventFacts {
  /** Who receives the event (P §7 "Fired on"). */
  readonly firedOn: VoipEventAudience;
  /** `D` when the audience is documented, `I` when P §7 / §12.6 leave it open and we chose. */
  readonly firedOnTag: 'D' | 'I';
  /** True when the event ends the call and is followed by `endVoip` (P §9.3–§9.6). */
  readonly endsCall: boolean;
  /** Lowest plugin version that emits the event, when documented. */
  readonly sinceVersion?: string;
  /** One line, in our words. */
  readonly summary: string;
}

/**
 * Facts about each of the 18 events (P §7, §9, §12.6–§12.8), for simulators and generated docs.
 *
 * `endsCall` is false for `joinFailCaller` / `joinFailListener`: P §12.8 leaves open whether `endVoip`
 * follows them, and integrators see them transiently, so they are not treated as terminal (ADR 0004).
 */
export const VOIP_EVENT_CATALOGUE: { readonly [N in VoipEventName]: VoipEventFacts } = {
  startVoip: { firedOn: 'both', firedOnTag: 'I', endsCall: false, summary: 'Both parties are in the room: the talk phase (and billing, and timeLimit) starts.' },
  abortVoip: { firedOn: 'both', firedOnTag: 'D', endsCall: true, summary: 'The call broke off abnormally; status says which end failed.' },
  hangOnVoip: { firedOn: 'listener', firedOnTag: 'D', endsCall: false, summary: 'The listener answered and starts joining the room.' },
  cancelVoip: { firedOn: 'both', firedOnTag: 'D', endsCall: true, summary: 'The caller gave up before the call connected.' },
  rejectVoip: { firedOn: 'both', firedOnTag: 'D', endsCall: true, summary: 'The listener refused (or left while waiting) before the call connected.' },
  hangUpVoip: { firedOn: 'both', firedOnTag: 'D', endsCall: true, summary: 'A connected call was ended by one party or by timeLimit.' },
  endVoip: { firedOn: 'both', firedOnTag: 'D', endsCall: false, summary: 'The call is over; follows every call-ending event.' },
  busy: { firedOn: 'caller', firedOnTag: 'D', endsCall: true, summary: 'The listener is already in another call.' },
  calling: { firedOn: 'both', firedOnTag: 'D', endsCall: false, summary: 'Once a second while talking, with the elapsed talk time.' },
  timeout: { firedOn: 'caller', firedOnTag: 'I', endsCall: true, summary: 'Nobody answered within the ring timeout (60 s today).' },
  joinedRoomByCaller: { firedOn: 'caller', firedOnTag: 'D', endsCall: false, summary: 'The caller has joined the room it created.' },
  joinFailCaller: { firedOn: 'caller', firedOnTag: 'D', endsCall: false, summary: 'The caller could not join the room.' },
  joinFailListener: { firedOn: 'listener', firedOnTag: 'D', endsCall: false, summary: 'The listener could not join the room.' },
  finishVoip: { firedOn: 'both', firedOnTag: 'I', endsCall: false, sinceVersion: '2.2.2', summary: 'The billed talk duration, fetched from the backend after endVoip.' },
  callPageOnShow: { firedOn: 'both', firedOnTag: 'D', endsCall: false, summary: "The plugin call page's onShow ran." },
  showCustomBox: { firedOn: 'listener', firedOnTag: 'D', endsCall: false, summary: 'The custom-button panel opened (WeChat-client listener).' },
  hideCustomBox: { firedOn: 'listener', firedOnTag: 'D', endsCall: false, summary: 'The custom-button panel closed (WeChat-client listener).' },
  // Not on the official onVoipEvent page (17 events): documented on the campus face-pay page (P §5.8, §7; checked 2026-12).
  bindContact: { firedOn: 'wechatClient', firedOnTag: 'D', endsCall: false, summary: 'Result of campus face-pay contact binding.' },
};
