import type { WxHangupReason, WxVoipStatus } from '@wxvoip/contracts';
import type { VoipSession } from './voipSession.js';

/** What comes with each status: the call's room, the hang-up reason when the end was a hang-up with a known reason, and the session. */
export interface StatusDetail {
  /** The room of the call the status is about. */
  readonly roomId: string;
  /** The hang-up reason of the side that ended the call (`WX_HANGUP_REASON`), or `null` when unknown or not a hang-up. */
  readonly reason: WxHangupReason | null;
  /** The session (the C callback's first argument). */
  readonly session: VoipSession;
}

/**
 * The listener's `status` callback (D §1.5): called with each status of the session's call, `WX_VOIP_STATUS` 1–9.
 * `IDLE` (0) is the state of a session without a call (`session.status`); the platform never reports it [I].
 *
 * @example
 * const listener: WxVoipStatusListener = (status, { reason }) => console.log(wxVoipStatusName(status), reason);
 */
export type WxVoipStatusListener = (status: WxVoipStatus, detail: StatusDetail) => void;
