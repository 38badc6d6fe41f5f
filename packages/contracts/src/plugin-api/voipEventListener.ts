/**
 * A listener given to `onVoipEvent` (P §5.2). `TEvent` is the event type; the event schemas live in the
 * events module, so it defaults to `unknown` here.
 */
export type VoipEventListener<TEvent = unknown> = (event: TEvent) => void;

/** The zero-argument function `onVoipEvent` returns; it removes the listener (works from plugin 2.3.10). */
export type VoipEventUnsubscribe = () => void;

/** The signature of `onVoipEvent(listener)`: subscribe, get back an unsubscribe function (P §5.2). */
export type OnVoipEvent<TEvent = unknown> = (listener: VoipEventListener<TEvent>) => VoipEventUnsubscribe;
