/**
 * `@wxvoip/device-rtos/server`: a simulator of WeChat's vendor-cloud server SDK (`cloudvoip_server.h`, D §2.4) backed
 * by the wxvoip mock platform: `sessionJoin` (device-placed calls), `cloudCallJoin` (phone-placed calls and server
 * `iot/voip/call`), session `hangup`, `listenerHangup` (refuse or busy before joining), `setRemoteBandwidth` and the
 * status listener (0 IDLE … 9 TIMEOUT). One call per instance, as the SDK is a singleton.
 *
 * @example
 * import { CloudVoipServer } from '@wxvoip/device-rtos/server';
 * const server = new CloudVoipServer({ platformUrl });
 * await server.init({ data_dir: '/var/lib/cloudvoip' });
 */
export { CloudVoipServer, DEFAULT_HEARTBEAT_INTERVAL_MS } from './cloudVoipServer.js';
export { CloudVoipSession } from './cloudVoipSession.js';

export type { CloudVoipJoinResult, CloudVoipServerOptions, ListenerHangupOptions } from './cloudVoipServer.js';
export type { CloudVoipListener, CloudVoipStatusRecord } from './cloudVoipSession.js';
export type { WebSocketConstructorLike, WebSocketLike } from '@wxvoip/party-client';
export type { PlatformClientOptions } from '../transport/platformClientOptions.js';
export type { SdkError } from '../transport/sdkError.js';
