/**
 * `onVoipEvent` events of the wmpf-voip plugin: the 18 names, each event's `data`, and the
 * discriminated `VoipEvent` union (P §7, D §6.3).
 */
export {
  ROOMLESS_VOIP_EVENT_NAMES,
  VoipEventName,
  isRoomVoipEventName,
} from './voip-event-name.js';
export { VOIP_EVENT_CATALOGUE } from './voip-event-catalogue.js';
export {
  ABORT_ERR_MSG_STATUS,
  ABORT_VOIP_ERR_MSG,
  JOIN_FAIL_ERR_MSG,
  KnownAbortVoipErrMsg,
  KnownJoinFailErrMsg,
} from './event-err-msg.js';
export {
  AbortStatus,
  AbortVoipData,
  BindContactData,
  BindContactType,
  CallingData,
  CancelVoipData,
  CustomBoxData,
  EndVoipData,
  FinishVoipData,
  HangUpOrigin,
  HangUpStatus,
  HangUpVoipData,
  JoinFailData,
  PreConnectEndStatus,
  RejectVoipData,
} from './event-data.js';
export { VoipEvent, VoipEventSchemas, isVoipEventOf } from './voip-event.js';

export type { RoomVoipEventName, RoomlessVoipEventName } from './voip-event-name.js';
export type { VoipEventAudience, VoipEventFacts } from './voip-event-catalogue.js';
export type { VoipEventDataOf, VoipEventOf, VoipEventSchema } from './voip-event.js';
