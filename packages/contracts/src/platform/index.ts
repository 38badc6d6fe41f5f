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
} from './adminApps.js';
export { BillingPatch, BillingView, SetDeviceLicenseBody } from './adminBilling.js';
export { CallbackDelivery, CallbackListQuery, CallbackOutcome } from './adminCallbacks.js';
export {
  DeviceCredentialKind,
  DeviceListQuery,
  DeviceView,
  ExpireCredentialsBody,
  ExpireCredentialsResult,
  IssuedSnTicket,
  IssueSnTicketBody,
  TakeOfflineBody,
} from './adminDevices.js';
export { PlatformInfo, ResetBody, SeedSummary, WipeStateBody, WipeStateResult } from './adminInfo.js';
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
} from './adminRooms.js';
export { CallCreatedData, InitByCallerData, RoomActionData } from './callData.js';
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
export { controlContract } from './controlContract.js';
export { DEMO_PUSH_URL, demoSeed } from './demoSeed.js';
export { DeviceRegistration, RegisterDeviceBody, RegisterDeviceData, RegistrationMethod } from './deviceRegistration.js';
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
export { FieldIssue } from './fieldIssue.js';
export { BearerCredential, Namespace, NamespaceHeaders, PartyHeaders, PUSH_CHANNEL_NAMESPACE_PARAM } from './headers.js';
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
export { LinuxListenerHangupBody, LinuxListenerJoinBody, LinuxSessionCallBody } from './linuxOps.js';
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
} from './phoneOps.js';
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
export { PROBLEM_TYPES, ProblemDetails } from './problemDetails.js';
export { ENCODING_AES_KEY_LENGTH, EncodingAesKey, PushConfig, PushToken, PushUrl } from './pushConfig.js';
export {
  AckMessage,
  ByeMessage,
  ByeReason,
  DeviceStatusMessage,
  HelloMessage,
  IncomingCallMessage,
  PartyMessage,
  MAX_PARTY_FRAME_BYTES,
  MAX_PUSH_FRAME_BYTES,
  PingMessage,
  PongMessage,
  PushMessage,
  PushMessageType,
  AppMessage,
  VoipEventMessage,
  WechatReminderNotice,
  WmpfPushNotice,
} from './pushMessage.js';
export {
  AbortRoomBody,
  AnswerRoomBody,
  ForceHangUpBody,
  ForceHangUpData,
  HangUpRoomBody,
  LocalEndOrigin,
  RejectRoomBody,
} from './roomActions.js';
export { CallDirection, CallTransport, RoomOutcome, RoomSide, RoomState } from './roomState.js';
export { RoomMember, RoomSnapshot, RoomView } from './roomView.js';
export { platformRouters } from './routers.js';
export { CallPayload, RtosClientCallBody, RtosClientJoinBody } from './rtosOps.js';
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
} from './seedEntities.js';
export { SEED_RULES } from './seedRules.js';
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
} from './stateFile.js';
export type { StateFile } from './stateFile.js';
export { platformTransportContract } from './transportContract.js';
export {
  CredentialRefusal,
  isTransportOk,
  PushSeq,
  TransportOk,
  TransportRefusal,
  transportResult,
  TransportValidationRefusal,
} from './transportResult.js';
export { CloudCallJoinBody, CloudListenerHangupBody, CloudSessionJoinBody } from './vendorCloudOps.js';
export { DEVICE_TOKEN_TTL_MS, DeviceTokenData, PushTokenData } from './wmpfOps.js';

export type {
  AppViewInput,
  GroupViewInput,
  PutUserBodyInput,
  RequestAuthorizationBodyInput,
  UserViewInput,
} from './adminApps.js';
export type { BillingViewInput, SetDeviceLicenseBodyInput } from './adminBilling.js';
export type { CallbackListQueryInput } from './adminCallbacks.js';
export type { DeviceListQueryInput, TakeOfflineBodyInput } from './adminDevices.js';
export type { ResetBodyInput, WipeStateBodyInput } from './adminInfo.js';
export type {
  PlacePhoneCallBodyInput,
  RoomListQueryInput,
  SimulateGoOfflineBodyInput,
  SimulateHangUpBodyInput,
  SimulateRejectBodyInput,
} from './adminRooms.js';
export type { ControlContract, ControlRouteKey } from './controlContract.js';
export type { DropPushFaultSpecInput, ErrorFaultSpecInput, FaultInput, FaultSpecInput, LatencyFaultSpecInput } from './faults.js';
export type { JournalQueryInput } from './journal.js';
export type { LinuxListenerHangupBodyInput, LinuxListenerJoinBodyInput, LinuxSessionCallBodyInput } from './linuxOps.js';
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
export type { ProblemTypeKey, ProblemTypeUri } from './problemDetails.js';
export type { PushConfigInput } from './pushConfig.js';
export type { AbortRoomBodyInput, AnswerRoomBodyInput, HangUpRoomBodyInput, RejectRoomBodyInput } from './roomActions.js';
export type { PlatformRouters } from './routers.js';
export type { RtosClientCallBodyInput } from './rtosOps.js';
export type {
  SeedAuthorizationInput,
  SeedBillingInput,
  SeedDeviceInput,
  SeedGroupInput,
  SeedLicenseInput,
  SeedLicensePackageInput,
  SeedModelInput,
  SeedUserInput,
} from './seedEntities.js';
export type { SeedRuleKey } from './seedRules.js';
export type { SeedAppInput, SeedInput } from './seed.js';
export type { PlatformTransportContract, TransportRouteKey } from './transportContract.js';
export type { CloudListenerHangupBodyInput } from './vendorCloudOps.js';
