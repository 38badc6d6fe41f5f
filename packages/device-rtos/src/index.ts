/**
 * @wxvoip/device-rtos: a simulator of WeChat's RTOS device SDK (`wxvoip_client.h`, D §2.1) backed by the wxvoip mock
 * platform: `init`, registration with an snTicket, `clientCall` with the documented results and negated backend codes
 * (`-9` not authorized, `-10008` bad snTicket), `clientJoin` and `destroy`.
 *
 * The vendor cloud's side lives in `@wxvoip/device-rtos/server` (the server SDK) and `@wxvoip/device-rtos/receiver`
 * (the `iot_voip_notify` message-push endpoint).
 *
 * @example
 * import { RtosDevice } from '@wxvoip/device-rtos';
 * const device = new RtosDevice({ platformUrl: 'http://127.0.0.1:8080' });
 * await device.init({ data_dir: '/data', device_id: 'SN-RTOS-0001', model_id: 'model-rtos-camera', wxa_appid: 'wx_demo_app' });
 */
export { RtosDevice } from './device/rtosDevice.js';
export { rtosCodeOf } from './transport/rtosCodeOf.js';

export type { RtosClientCallResult, RtosDeviceOptions, RtosIsRegisteredResult } from './device/rtosDevice.js';
export type { PartyFailure, WebSocketConstructorLike, WebSocketLike } from '@wxvoip/party-client';
export type { PlatformClientOptions } from './transport/platformClientOptions.js';
export type { SdkError } from './transport/sdkError.js';
