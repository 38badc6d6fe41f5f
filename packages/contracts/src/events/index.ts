/**
 * `onVoipEvent` events of the wmpf-voip plugin: the 18 names, each event's `data`, and the
 * discriminated `VoipEvent` union (P §7, D §6.3).
 */
export {
  ROOMLESS_VOIP_EVENT_NAMES,
  VoipEventName,
  isRoomVoipEventName,
} from './voipEventName.js';
export { VOIP_EVENT_CATALOGUE } from './voipEventCatalogue.js';
export {
  ABORT_ERR_MSG_STATUS,
  ABORT_VOIP_ERR_MSG,
  JOIN_FAIL_ERR_MSG,
  KnownAbortVoipErrMsg,
  KnownJoinFailErrMsg,
} from './eventErrMsg.js';
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
} from './eventData.js';
export { VoipEvent, VoipEventSchemas, isVoipEventOf } from './voipEvent.js';

export type { RoomVoipEventName, RoomlessVoipEventName } from './voipEventName.js';
export type { VoipEventAudience, VoipEventFacts } from './voipEventCatalogue.js';
export type { VoipEventDataOf, VoipEventOf, VoipEventSchema } from './voipEvent.js';
