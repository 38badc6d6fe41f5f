import type { VoipEvent, VoipEventListener } from '@wxvoip/contracts';
import type { CallRecord, CallState } from './callState.js';

/**
 * Event delivery of the plugin simulator: room events from the push channel move the current call's phase and reach
 * `onVoipEvent` listeners after the version rules (P §5.2, §11); local events (the call page's) go the same way.
 * Every delivered event is kept in a bounded history.
 */
export class EventDelivery {
  private readonly listeners = new Set<VoipEventListener<VoipEvent>>();
  private readonly delivered: VoipEvent[] = [];

  constructor(
    private readonly state: CallState,
    private readonly onCallEnded: (call: CallRecord) => void,
  ) {}

  /** Every event delivered to `onVoipEvent` listeners, in order (after version rules; the newest `historyLimit`). */
  get events(): readonly VoipEvent[] {
    return this.delivered;
  }

  /** Adds a listener; returns the function that removes it. */
  subscribe(listener: VoipEventListener<VoipEvent>): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** An event of a room, from the push channel. */
  onRoomEvent(roomId: string | null, event: VoipEvent): void {
    const state = this.state;
    const incoming = roomId === null ? undefined : state.incoming.get(roomId);
    if (incoming && event.eventName === 'endVoip') incoming.ended = true;
    // The plugin only runs a call it placed or whose call page was opened: a reminder nobody tapped stays silent.
    if (roomId === null) return;
    // A room this instance created is known before its events arrive: the party client adopts the answer naming it
    // before handing over the pushes produced with it (ADR 0026). Events of an incoming call nobody opened are dropped.
    if (!state.knownRooms.has(roomId)) return;
    const call = state.call?.roomId === roomId ? state.call : undefined;
    if (call) {
      if (event.eventName === 'joinedRoomByCaller') call.phase = 'waiting';
      else if (event.eventName === 'hangOnVoip') call.phase = 'joining';
      else if (event.eventName === 'startVoip') call.phase = 'talking';
    }
    this.deliver(event);
    if (call && event.eventName === 'endVoip') {
      call.phase = 'ended';
      this.onCallEnded(call);
    }
  }

  /** Applies the version rules to an event and hands it to every listener. */
  deliver(event: VoipEvent): void {
    const gate = this.state.gate;
    if (event.eventName === 'finishVoip' && !gate.has('onVoipEvent.finishVoip')) return;
    let shown: VoipEvent = event;
    if (!gate.has('onVoipEvent.roomId') && event.roomId !== undefined) {
      const { roomId: _absent, ...older } = event;
      shown = older as VoipEvent;
    }
    this.state.record(this.delivered, shown);
    for (const listener of [...this.listeners]) {
      try {
        listener(shown);
      } catch (error) {
        // A throwing listener must not stop delivery to the others; the error still surfaces as unhandled.
        void Promise.reject(error);
      }
    }
  }
}
