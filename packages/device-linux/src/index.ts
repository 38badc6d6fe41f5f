/**
 * @wxvoip/device-linux: a simulator of WeChat's Linux device SDK for hardware VoIP calls (D §1), talking to the
 * wxvoip mock platform over HTTP and WebSocket.
 *
 * - {@link LinuxDevice}: `wx_init`, registration, sessions, `wx_voip_listener_hangup`, `wx_stop`;
 * - {@link VoipSession}: `wx_voip_session_call`, `wx_voip_listener_join`, `wx_voip_session_hangup`, the status listener;
 * - {@link WxOperation}: the `wx_operation` async model as a promise (await, wait with timeout, cancel, destroy);
 * - {@link WxError} and {@link wxResult}: `wx_error_t` results; {@link toWxError}: how the party client's failures
 *   (`PartyFailure` of `@wxvoip/party-client`, which carries the transport) map to them;
 * - the media simulator: dial tone, 640-byte PCM frames every 20 ms, SPS/PPS/I/P video frames, by counts and times.
 *
 * The SDK vocabulary (`WX_ERROR`, `WX_VOIP_STATUS`, `WX_HANGUP_REASON`, `WX_VOIP_SESSION_TYPE`, …) comes from
 * `@wxvoip/contracts`.
 *
 * @example
 * import { LinuxDevice } from '@wxvoip/device-linux';
 * const device = new LinuxDevice({ platformUrl: 'http://127.0.0.1:4123' });
 * await device.init({ data_dir: './data', device_id: 'SN-LINUX-0001', model_id: 'model-linux-doorbell', wxa_appid: 'wx_demo_app' });
 */
export { LinuxDevice } from './device/linuxDevice.js';
export { MAX_CLOCK_SKEW_MS, clockSkewMs } from './device/clockSkew.js';
export { VoipSession } from './session/voipSession.js';
export { WxOperation } from './operation/wxOperation.js';
export { WxError, isWxError } from './errors/wxError.js';
export { wxResult, wxResultName } from './errors/wxResult.js';
export { NETWORK_FAILURE, REFUSAL_MAPPING, renderRefusalMappingTable, toWxError } from './errors/toWxError.js';
export { MediaSimulator } from './media/mediaSimulator.js';
export { AUDIO_FORMAT, DIAL_TONE_FORMAT, VIDEO_RULES, cameraConfigProblem, downlinkVideoOf } from './media/mediaRules.js';
export { DEVICE_KEY_FILE, REGISTRATION_FILE } from './storage/dataDir.js';
export { WEB_SOCKET_STATE } from '@wxvoip/party-client';

export type { DisconnectReason, LinuxDeviceOptions, SessionNewArgs } from './device/linuxDevice.js';
export type { OperationOptions } from './session/voipSession.js';
export type { StatusDetail, WxVoipStatusListener } from './session/statusListener.js';
export type { OperationRelease, WxOperationOptions } from './operation/wxOperation.js';
export type { WxErrorDetails } from './errors/wxError.js';
export type { RefusalMappingRow, SdkCall } from './errors/toWxError.js';
export type { FetchLike, PartyFailure, WebSocketCloseEventLike, WebSocketConstructorLike, WebSocketErrorEventLike, WebSocketLike, WebSocketMessageEventLike } from '@wxvoip/party-client';
export type { AudioStreamStats, CameraStats, MediaEvent, MediaSnapshot, VideoFrame } from './media/mediaSimulator.js';
export type { CameraConfig, DownlinkVideo } from './media/mediaRules.js';
export type { StoredRegistration } from './storage/dataDir.js';
