/**
 * An example vendor cloud for RTOS cameras (D §2.2, §2.5): it receives WeChat's `iot_voip_notify` on its message-push
 * URL, tells device-placed calls from phone-placed ones by the payload its cameras announced, relays phone calls to
 * the camera, and joins (session_join / cloud_call_join) or refuses (listener_hangup) with the server SDK, one
 * server-SDK instance per call. Statuses go back to the camera over the vendor's own link.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WX_CLOUDVOIP_SESSION_TYPE, WX_HANGUP_REASON, WX_VOIP_STATUS, WX_VOIP_TERMINAL_STATUSES, wxVoipStatusName } from '@wxvoip/contracts';
import type { IotVoipNotifyMessage, NotifyReply, WxVoipStatus } from '@wxvoip/contracts';
import type { PlatformClientOptions } from '../index.js';
import { createCallbackReceiver, toNodeListener } from '../receiver/index.js';
import { CloudVoipServer, type CloudVoipSession } from '../server/index.js';
import type { CameraLink, SimulatedCamera } from './simulatedCamera.js';

/** Options of {@link startVendorCloud}. */
export interface VendorCloudOptions extends PlatformClientOptions {
  /** The mini program the cameras are registered with. */
  readonly appId: string;
  /** Token of the app's message push settings. */
  readonly token: string;
  /** EncodingAESKey of the app's message push settings. */
  readonly encodingAESKey: string;
  /** Where the message-push endpoint listens. Default 127.0.0.1 and port 0 (a free one). */
  readonly host?: string;
  readonly port?: number;
  /** Path of the message-push endpoint. Default `/wechat/callback`. */
  readonly path?: string;
  /** Where the cloud narrates what it does. Default: nowhere. */
  readonly log?: (line: string) => void;
  /** The clock push timestamps are checked against (see the receiver's `now`). Default `Date.now`. */
  readonly now?: () => number;
}

/** One call the cloud handled. */
export interface CloudCall {
  readonly roomId: string;
  readonly direction: 'deviceToPhone' | 'phoneToDevice';
  readonly sn: string;
  readonly notify: IotVoipNotifyMessage;
  /** The server-SDK process of this call, while it is joined. */
  server: CloudVoipServer | null;
  session: CloudVoipSession | null;
  /** Statuses the server SDK reported. */
  readonly statuses: WxVoipStatus[];
}

/** A running vendor cloud. */
export interface RunningVendorCloud {
  /** The message-push URL to configure for the app. */
  readonly url: string;
  /** Calls by room id. */
  readonly calls: ReadonlyMap<string, CloudCall>;
  /** Attaches a camera: its calls are relayed and joined by this cloud. */
  attach(camera: SimulatedCamera): CameraLink;
  /** Stops the endpoint, ends the server-SDK processes and powers the attached cameras off. */
  close(): Promise<void>;
}

/** How often the cloud retries `cloud_call_join` while WeChat has not yet read its errcode 0 (the call is not ringing yet). */
const JOIN_RETRIES = 10;

/**
 * Starts the example vendor cloud.
 *
 * @example
 * const cloud = await startVendorCloud({ platformUrl, appId: 'wx_demo_app', token: 'demoToken', encodingAESKey, port: 3001 });
 */
export async function startVendorCloud(options: VendorCloudOptions): Promise<RunningVendorCloud> {
  const log = options.log ?? (() => undefined);
  const platform: PlatformClientOptions = { platformUrl: options.platformUrl, ...(options.namespace === undefined ? {} : { namespace: options.namespace }), ...(options.fetch === undefined ? {} : { fetch: options.fetch }) };
  const cameras = new Map<string, SimulatedCamera>();
  const expected = new Map<string, string>(); // payload → SN of the camera that announced it
  const calls = new Map<string, CloudCall>();
  // listener_hangup needs an initialised server SDK but no session: one process serves every refusal.
  const refuser = new CloudVoipServer({ ...platform, label: 'vendor cloud: refusals' });
  const code = await refuser.init({ data_dir: '/var/lib/vendor-cloud/refusals' });
  if (code !== 0) throw new Error(`the vendor cloud could not start its server SDK: ${refuser.lastError?.message ?? code}`);

  const onStatus = (call: CloudCall, status: WxVoipStatus): void => {
    call.statuses.push(status);
    log(`[${call.sn}] room ${call.roomId}: ${wxVoipStatusName(status)}`);
    const camera = cameras.get(call.sn);
    if (status === WX_VOIP_STATUS.TALKING) camera?.connected(call.roomId);
    if (WX_VOIP_TERMINAL_STATUSES.includes(status)) {
      camera?.ended(call.roomId, wxVoipStatusName(status));
      void release(call);
    }
  };

  const release = async (call: CloudCall): Promise<void> => {
    const { server } = call;
    call.session = null;
    call.server = null;
    await server?.destroy();
  };

  /** A fresh server-SDK process for one call (WeChat: one process per call). */
  const processFor = async (call: CloudCall): Promise<CloudVoipServer | null> => {
    const server = new CloudVoipServer({ ...platform, label: `vendor cloud: ${call.roomId}` });
    const initialised = await server.init({ data_dir: `/var/lib/vendor-cloud/${call.roomId}` });
    if (initialised !== 0) {
      log(`[${call.sn}] could not start a server SDK: ${server.lastError?.message ?? initialised}`);
      return null;
    }
    call.server = server;
    return server;
  };

  const joinDeviceCall = async (call: CloudCall): Promise<void> => {
    const server = await processFor(call);
    if (!server) return;
    const { notify } = call;
    const listener = { status: (_s: unknown, _u: unknown, status: WxVoipStatus) => onStatus(call, status) };
    const joined = await server.sessionJoin({ type: WX_CLOUDVOIP_SESSION_TYPE.AUDIO, wxa_appid: options.appId, device_id: notify.Sn, model_id: notify.ModelId, server_token: notify.ServerToken, payload: notify.Payload }, listener);
    if (joined.code !== 0) {
      log(`[${call.sn}] session_join failed: ${server.lastError?.message ?? joined.code}`);
      cameras.get(call.sn)?.ended(call.roomId, 'the cloud could not join');
      await release(call);
      return;
    }
    call.session = joined.session;
    log(`[${call.sn}] joined room ${call.roomId} (session_join)`);
  };

  const link: CameraLink = {
    expectCall: (sn, payload) => expected.set(payload, sn),
    answer: async (sn, roomId) => {
      const call = calls.get(roomId);
      if (!call || call.sn !== sn) return;
      const server = await processFor(call);
      if (!server) return;
      const { notify } = call;
      const listener = { status: (_s: unknown, _u: unknown, status: WxVoipStatus) => onStatus(call, status) };
      const args = { type: WX_CLOUDVOIP_SESSION_TYPE.AUDIO, wxa_appid: options.appId, server_token: notify.ServerToken, roomid: notify.RoomId, session_key: notify.SessionKey, payload: notify.Payload };
      // The camera may answer before WeChat has read our errcode 0 (the call is not ringing yet: -1): try again shortly.
      let joined = await server.cloudCallJoin(args, listener);
      for (let attempt = 1; joined.code === -1 && attempt < JOIN_RETRIES; attempt += 1) {
        await new Promise((resolve) => setTimeout(resolve, 20 * attempt));
        joined = await server.cloudCallJoin(args, listener);
      }
      if (joined.code !== 0) {
        log(`[${sn}] cloud_call_join failed: ${server.lastError?.message ?? joined.code}`);
        cameras.get(sn)?.ended(roomId, 'the cloud could not answer');
        await release(call);
        return;
      }
      call.session = joined.session;
      log(`[${sn}] answered room ${roomId} (cloud_call_join)`);
    },
    refuse: async (sn, roomId, busy) => {
      const call = calls.get(roomId);
      if (!call) return;
      const { notify } = call;
      const result = await refuser.listenerHangup({ wxa_appid: options.appId, device_id: sn, model_id: notify.ModelId, server_token: notify.ServerToken, payload: notify.Payload, reason: WX_HANGUP_REASON.REJECT }, { busy });
      log(`[${sn}] ${busy ? 'reported busy for' : 'refused'} room ${roomId} (listener_hangup): ${result === 0 ? 'ok' : (refuser.lastError?.message ?? result)}`);
    },
    hangUp: async (sn, roomId) => {
      const session = calls.get(roomId)?.session;
      if (!session) return;
      const result = await session.hangup(WX_HANGUP_REASON.MANUAL);
      log(`[${sn}] hung up room ${roomId}: ${result === 0 ? 'ok' : (session.lastError?.message ?? result)}`);
    },
  };

  const onNotify = (notify: IotVoipNotifyMessage): NotifyReply => {
    const known = calls.get(notify.RoomId);
    if (known) return { errcode: 0, errmsg: 'ok' }; // a resend of a notify already handled (RoomId is the key)
    const camera = cameras.get(notify.Sn);
    if (!camera) {
      log(`refused room ${notify.RoomId}: ${notify.Sn} is not one of our cameras`);
      return { errcode: 1, errmsg: `unknown device ${notify.Sn}` };
    }
    const placedByCamera = expected.get(notify.Payload) === notify.Sn;
    const call: CloudCall = { roomId: notify.RoomId, direction: placedByCamera ? 'deviceToPhone' : 'phoneToDevice', sn: notify.Sn, notify, server: null, session: null, statuses: [] };
    calls.set(call.roomId, call);
    log(`[${notify.Sn}] iot_voip_notify for room ${notify.RoomId} (${call.direction}, payload ${JSON.stringify(notify.Payload)}): accepted`);
    // Act once the reply is on its way: the phone rings only after WeChat reads errcode 0.
    if (placedByCamera) {
      expected.delete(notify.Payload);
      setTimeout(() => void joinDeviceCall(call), 0);
    } else {
      setTimeout(() => void camera.incomingCall(call.roomId, notify.FromUserName), 0);
    }
    return { errcode: 0, errmsg: 'ok' };
  };

  const receiver = createCallbackReceiver({
    token: options.token,
    encodingAESKey: options.encodingAESKey,
    appId: options.appId,
    ...(options.now === undefined ? {} : { now: options.now }),
    onNotify,
    onError: (error) => log(`refused a push: ${error.message}`),
  });
  const path = options.path ?? '/wechat/callback';
  const node = toNodeListener(receiver);
  const server: Server = createServer((req, res) => {
    if (new URL(req.url ?? '/', 'http://x').pathname !== path) {
      res.writeHead(404).end();
      return;
    }
    // WeChat (and the mock) verify the URL with a signed GET whenever the push configuration is saved (D §4.13).
    if (req.method === 'GET') res.once('finish', () => log(res.statusCode === 200 ? `URL verification: answered the platform's echostr, ${path} is verified` : `URL verification refused (HTTP ${res.statusCode}): check --token`));
    node(req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve);
  });
  const address = server.address() as AddressInfo;
  const url = `http://${options.host ?? '127.0.0.1'}:${address.port}${path}`;
  log(`vendor cloud listening on ${url}`);

  return {
    url,
    calls,
    attach: (camera) => {
      cameras.set(camera.sn, camera);
      return link;
    },
    close: async () => {
      for (const call of calls.values()) await release(call);
      await refuser.destroy();
      for (const camera of cameras.values()) await camera.shutdown();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
