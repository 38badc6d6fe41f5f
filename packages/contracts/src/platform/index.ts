/**
 * The mock platform's own protocol: the transport API the simulators speak (`/__wxvoip/v1`), the push-channel
 * messages, the control API (`/__admin`) with RFC 7807 problems, the Seed file schema and the demo seed (ADR 0007).
 */
export {
  AppPatch,
  AppView,
  AuthorizationDecision,
  AuthorizationListQuery,
  AuthorizationOutcome,
  AuthorizationView,
  GroupView,
  PutUserBody,
  RequestAuthorizationBody,
  RevokeAuthorizationBody,
  RevokeAuthorizationResult,
  UserPatch,
  UserView,
} from './admin-apps.js';
export { BillingPatch, BillingView, SetDeviceLicenseBody } from './admin-billing.js';
export { CallbackDelivery, CallbackListQuery, CallbackOutcome } from './admin-callbacks.js';
export {
  DeviceCredentialKind,
  DeviceListQuery,
  DeviceView,
  ExpireCredentialsBody,
  ExpireCredentialsResult,
  IssuedSnTicket,
  IssueSnTicketBody,
  TakeOfflineBody,
} from './admin-devices.js';
export { PlatformInfo, ResetBody, SeedSummary, WipeStateBody, WipeStateResult } from './admin-info.js';
export {
  ActionTimelineEntry,
  BillingTimelineEntry,
  CallbackTimelineEntry,
  DeviceStatusTimelineEntry,
  EventTimelineEntry,
  PlacePhoneCallBody,
  PushTimelineEntry,
  RoomCause,
  RoomDetail,
  RoomListQuery,
  SimulateAnswerBody,
  SimulateGoOfflineBody,
  SimulateHangUpBody,
  SimulateRejectBody,
  StateTimelineEntry,
  TimelineEntry,
} from './admin-rooms.js';
export { CallCreatedData, InitByCallerData, RoomActionData } from './call-data.js';
export {
  AdvanceClockBody,
  AdvanceClockResult,
  ClockMode,
  ClockState,
  ClockTimer,
  MAX_CLOCK_ADVANCE_MS,
  SetClockBody,
  TimerKind,
} from './clock.js';
export { controlContract } from './control-contract.js';
export { DEMO_PUSH_URL, demoSeed } from './demo-seed.js';
export { DeviceRegistration, RegisterDeviceBody, RegisterDeviceData, RegistrationMethod } from './device-registration.js';
export {
  DropPushFaultSpec,
  ErrorFaultSpec,
  Fault,
  FaultId,
  FaultMatch,
  FaultSpec,
  LatencyFaultSpec,
  MAX_FAULT_LATENCY_MS,
} from './faults.js';
export { FieldIssue } from './field-issue.js';
export { BearerCredential, Namespace, NamespaceHeaders, PartyHeaders } from './headers.js';
export {
  BodyDigest,
  CallbackEntry,
  CheckStage,
  EventEntry,
  JOURNAL_BODY_MAX_BYTES,
  JOURNAL_BODY_MAX_DEPTH,
  JOURNAL_PAGE_MAX,
  JournalEntry,
  JournalKind,
  JournalPage,
  JournalQuery,
  PlatformEntry,
  PushEntry,
  RefusalEntry,
  RefusalReason,
  RequestEntry,
} from './journal.js';
export { LinuxListenerHangupBody, LinuxListenerJoinBody, LinuxSessionCallBody } from './linux-ops.js';
export { PlatformOperation, TRANSPORT_OPERATIONS, WECHAT_OPERATIONS } from './operations.js';
export {
  ChannelState,
  ConnectPartyData,
  ConnectPartyRequest,
  LinuxDeviceConnect,
  PartyCredential,
  PartyId,
  PartyInfo,
  PartyKind,
  PushChannelInfo,
  RtosDeviceConnect,
  VendorCloudConnect,
  WechatPluginConnect,
  WmpfPluginConnect,
} from './party.js';
export {
  DEVICE_NAME_MAX_CHARS,
  DeviceVoipListData,
  DeviceVoipListItem,
  RequestDeviceVoipArgs,
  RequestDeviceVoipDevice,
  RequestDeviceVoipGroup,
} from './phone-ops.js';
export {
  CONTROL_API_VERSION,
  CONTROL_PREFIX,
  DEFAULT_NAMESPACE,
  NAMESPACE_HEADER,
  PARTY_CREDENTIAL_HEADER,
  PUSH_CHANNEL_PATH,
  PUSH_CHANNEL_TOKEN_PARAM,
  TRANSPORT_PREFIX,
  TRANSPORT_PROTOCOL_VERSION,
} from './prefixes.js';
export { PROBLEM_TYPES, ProblemDetails } from './problem-details.js';
export { ENCODING_AES_KEY_LENGTH, EncodingAesKey, PushConfig, PushToken, PushUrl } from './push-config.js';
export {
  AckMessage,
  ByeMessage,
  ByeReason,
  DeviceStatusMessage,
  HelloMessage,
  IncomingCallMessage,
  PartyMessage,
  MAX_PARTY_FRAME_BYTES,
  PingMessage,
  PongMessage,
  PushMessage,
  PushMessageType,
  AppMessage,
  VoipEventMessage,
  WechatReminderNotice,
  WmpfPushNotice,
} from './push-message.js';
export {
  AbortRoomBody,
  AnswerRoomBody,
  ForceHangUpBody,
  ForceHangUpData,
  HangUpRoomBody,
  LocalEndOrigin,
  RejectRoomBody,
} from './room-actions.js';
export { CallDirection, CallTransport, RoomOutcome, RoomSide, RoomState } from './room-state.js';
export { RoomMember, RoomSnapshot, RoomView } from './room-view.js';
export { platformRouters } from './routers.js';
export { CallPayload, RtosClientCallBody, RtosClientJoinBody } from './rtos-ops.js';
export {
  AuthorizationState,
  DeviceKind,
  DialogDecision,
  LicenseApiMode,
  REGISTRATION_METHODS_BY_KIND,
  SeedAuthorization,
  SeedBilling,
  SeedDevice,
  SeedGroup,
  SeedLicense,
  SeedLicensePackage,
  SeedModel,
  SeedUser,
  VoipCapability,
} from './seed-entities.js';
export { SEED_RULES } from './seed-rules.js';
export { Seed, SeedApp, SeedClock } from './seed.js';
export {
  AppRuntime,
  AuthorizationRuntime,
  DeviceRuntime,
  LicenseRuntime,
  NamespaceRuntime,
  PersistedAccessToken,
  PersistedDeviceCredential,
  PersistedSnTicket,
  RoomInFlight,
  STATE_FILE_FORMAT,
  STATE_FORMAT_VERSION,
  StateFileHeader,
  StateFileRuntime,
} from './state-file.js';
export type { StateFile } from './state-file.js';
export { platformTransportContract } from './transport-contract.js';
export {
  CredentialRefusal,
  isTransportOk,
  TransportOk,
  TransportRefusal,
  transportResult,
  TransportValidationRefusal,
} from './transport-result.js';
export { CloudCallJoinBody, CloudListenerHangupBody, CloudSessionJoinBody } from './vendor-cloud-ops.js';
export { DEVICE_TOKEN_TTL_MS, DeviceTokenData, PushTokenData } from './wmpf-ops.js';

export type {
  AppViewInput,
  GroupViewInput,
  PutUserBodyInput,
  RequestAuthorizationBodyInput,
  UserViewInput,
} from './admin-apps.js';
export type { BillingViewInput, SetDeviceLicenseBodyInput } from './admin-billing.js';
export type { CallbackListQueryInput } from './admin-callbacks.js';
export type { DeviceListQueryInput, TakeOfflineBodyInput } from './admin-devices.js';
export type { ResetBodyInput, WipeStateBodyInput } from './admin-info.js';
export type {
  PlacePhoneCallBodyInput,
  RoomListQueryInput,
  SimulateGoOfflineBodyInput,
  SimulateHangUpBodyInput,
  SimulateRejectBodyInput,
} from './admin-rooms.js';
export type { ControlContract, ControlRouteKey } from './control-contract.js';
export type { DropPushFaultSpecInput, ErrorFaultSpecInput, FaultInput, FaultSpecInput, LatencyFaultSpecInput } from './faults.js';
export type { JournalQueryInput } from './journal.js';
export type { LinuxListenerHangupBodyInput, LinuxListenerJoinBodyInput, LinuxSessionCallBodyInput } from './linux-ops.js';
export type { PlatformOperationName } from './operations.js';
export type {
  ConnectPartyDataInput,
  ConnectPartyRequestInput,
  LinuxDeviceConnectInput,
  PartyInfoInput,
  RtosDeviceConnectInput,
  WechatPluginConnectInput,
  WmpfPluginConnectInput,
} from './party.js';
export type { ProblemTypeKey, ProblemTypeUri } from './problem-details.js';
export type { PushConfigInput } from './push-config.js';
export type { AbortRoomBodyInput, AnswerRoomBodyInput, HangUpRoomBodyInput, RejectRoomBodyInput } from './room-actions.js';
export type { PlatformRouters } from './routers.js';
export type { RtosClientCallBodyInput } from './rtos-ops.js';
export type {
  SeedAuthorizationInput,
  SeedBillingInput,
  SeedDeviceInput,
  SeedGroupInput,
  SeedLicenseInput,
  SeedLicensePackageInput,
  SeedModelInput,
  SeedUserInput,
} from './seed-entities.js';
export type { SeedRuleKey } from './seed-rules.js';
export type { SeedAppInput, SeedInput } from './seed.js';
export type { PlatformTransportContract, TransportRouteKey } from './transport-contract.js';
export type { CloudListenerHangupBodyInput } from './vendor-cloud-ops.js';
