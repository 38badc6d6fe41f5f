/**
 * @wxvoip/plugin: the wmpf-voip mini-program plugin, typed and simulated for both hosts.
 *
 * - Types of the real plugin (`WmpfVoip`, `import type` in a mini program) and of the `wx` VoIP members.
 * - `createWmpfVoipSimulator()`: the same surface and behaviour, backed by the mock platform, with controls for the
 *   call page and the WMPF host; `createFakeWx()` / `createWxNavigation()`: callback-style `wx` members on the same
 *   platform. Test helpers live in `@wxvoip/plugin/testing`.
 *
 * @example
 * import { createWmpfVoipSimulator } from '@wxvoip/plugin';
 * const wmpfVoip = await createWmpfVoipSimulator({ host: 'wechat', appId: 'wx_demo_app', openId: 'openid-alice' });
 */
export { CALL_PAGE_PATH, VoipCgiError, VoipError, VoipJoinError, VoipPluginError, isVoipError } from '@wxvoip/contracts';
export { createWmpfVoipSimulator } from './simulator/createWmpfVoipSimulator.js';
export { isCallPageUrl } from './simulator/callState.js';
export { PluginSimulator } from './simulator/pluginSimulator.js';
export { DEFAULT_ENTER_OPTIONS, IN_PROCESS_PLATFORM_URL } from './simulator/simulatorOptions.js';
export { DEFAULT_HISTORY_LIMIT } from './simulator/boundedHistory.js';
export { SIMULATED_VERSION_BEHAVIOUR, VersionGate } from './simulator/versionBehaviour.js';
export { createFakeWx } from './wx/createFakeWx.js';
export { createWxNavigation } from './wx/createWxNavigation.js';

export type { CallPageControl, CallPageNavigation, CallPageState, CallPhase, CallSide, EndPageOutcome } from './simulator/callPageControl.js';
export type { SimulatedWmpfVoip, SimulatorHost, VoipErrorClasses, WmpfVoipSimulatorControls } from './simulator/createWmpfVoipSimulator.js';
export type { IncomingReminder } from './simulator/incomingCalls.js';
export type { SimulatorCommonOptions, WechatSimulatorOptions, WmpfSimulatorOptions, WmpfVoipSimulatorOptions } from './simulator/simulatorOptions.js';
export type { SimulatedBehaviour } from './simulator/versionBehaviour.js';
export type { ReceivedWmpfPush, WmpfHostControl } from './simulator/wmpfHostControl.js';
export type { FetchLike, FetchResponseLike, PartyClient, PartyFailure, PartyResult, WebSocketConstructorLike, WebSocketLike } from '@wxvoip/party-client';
export type {
  DeviceRegistrationKnowledge,
  InitByCallerCommonFields,
  InitByCallerDeviceAuthSdkDevice,
  InitByCallerFacePay,
  InitByCallerPhoneCallsWmpf,
  InitByCallerRequestFor,
  InitByCallerWmpfRegisteredDevice,
  WmpfVoip,
  WmpfVoipModule,
} from './types/wmpfVoip.js';
export type {
  GetDeviceVoIPListOption,
  GetDeviceVoIPListSuccessResult,
  RequestDeviceVoIPDeviceOption,
  RequestDeviceVoIPFailResult,
  RequestDeviceVoIPGroupOption,
  RequestDeviceVoIPOption,
  WxCallbacks,
  WxDeviceVoip,
  WxGeneralCallbackResult,
} from './types/wxDeviceVoip.js';
export type { FakeWx } from './wx/createFakeWx.js';
export type { WxNavigation, WxNavigationRecord } from './wx/createWxNavigation.js';
