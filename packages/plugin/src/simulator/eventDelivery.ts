import type { VoipEvent, VoipEventListener } from '@wxvoip/contracts';
import type { CallRecord, CallState } from './callState.js';

/** Rooms whose early events are kept before the creating request answers. */
const MAX_EARLY_ROOMS = 16;

/**
 * Event delivery of the plugin simulator: room events from the push channel move the current call's phase and reach
 * `onVoipEvent` listeners after the version rules (P §5.2, §11); local events (the call page's) go the same way.
 * Every delivered event is kept in a bounded history.
 */
export class EventDelivery {
  private readonly listeners = new Set<VoipEventListener<VoipEvent>>();
  private readonly delivered: VoipEvent[] = [];
  private readonly early = new Map<string, VoipEvent[]>();

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
    if (!state.knownRooms.has(roomId)) {
      // Events of a call this instance is creating can overtake the HTTP answer (busy ends a room at once): keep them
      // until the answer names the room. Events of an incoming call nobody opened are dropped.
      if (!incoming) this.holdEarly(roomId, event);
      return;
    }
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

  /** Delivers the events of `roomId` that arrived before it was known (the room this instance just created). */
  replayEarly(roomId: string): void {
    const held = this.early.get(roomId) ?? [];
    this.early.delete(roomId);
    for (const event of held) this.onRoomEvent(roomId, event);
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

  /** Keeps events of a not-yet-known room (bounded), for {@link replayEarly}. */
  private holdEarly(roomId: string, event: VoipEvent): void {
    const held = this.early.get(roomId) ?? [];
    held.push(event);
    this.early.set(roomId, held);
    if (this.early.size > MAX_EARLY_ROOMS) this.early.delete(this.early.keys().next().value as string);
  }
}
