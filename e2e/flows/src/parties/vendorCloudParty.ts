import { WX_CLOUDVOIP_SESSION_TYPE, WX_HANGUP_REASON, WX_VOIP_STATUS, WX_VOIP_TERMINAL_STATUSES, wxVoipStatusName } from '@wxvoip/contracts';
import type { IotVoipNotifyMessage, WxHangupReason, WxVoipStatus } from '@wxvoip/contracts';
import { createCallbackReceiver } from '@wxvoip/device-rtos/receiver';
import { CloudVoipServer, type CloudVoipListener, type CloudVoipSession } from '@wxvoip/device-rtos/server';
import { formatStatus } from '../matrix/cell.js';
import { APP, type FlowEnv } from '../matrix/flowHost.js';

/** What the vendor cloud tells a camera over the vendor's own link (the RTOS SDK has no status listener of its own). */
export interface CameraScreen {
  /** The SN of the camera. */
  readonly sn: string;
  /** Lines the camera shows, in order (`ringing(openid-alice)`, `talking`, `ended(HANGUP_BY_CALLER)`). */
  readonly screen: string[];
}

/** A vendor cloud: its message-push endpoint (`iot_voip_notify`) and its server SDK, one process per call (D §2.2–§2.5). */
export interface VendorCloudParty {
  /** Every message push received, as `Event(Action)`: `iot_voip_notify(join_voip_room)`. */
  readonly callbacks: string[];
  /** The decrypted `iot_voip_notify` messages, in order. */
  readonly notifies: IotVoipNotifyMessage[];
  /**
   * What the cloud did with the server SDK, with the return value, and the statuses its session reported, in order:
   * `cloud_call_join:0`, `TALKING`, `HANGUP_BY_CALLER`, `session_hangup:0`, `HANGUP_BY_CALLEE/1`.
   */
  readonly log: string[];
  /** The session of the call joined last, if any. */
  readonly session: CloudVoipSession | null;
  /** The platform's party id of the server-SDK process that joined last (its push channel), if any. */
  readonly partyId: string | null;
  /** Attaches the camera the cloud relays phone calls and call statuses to. */
  attach(camera: CameraScreen): void;
  /** The camera is about to call with this payload: its notify is a device→phone call, not one to relay. */
  expectCall(payload: string): void;
  /** The latest notify; throws when none arrived. */
  lastNotify(): IotVoipNotifyMessage;
  /** `wx_cloudvoip_session_join` with the latest notify (a call the camera placed, D §2.2 step 5). */
  sessionJoin(): Promise<number>;
  /** `wx_cloudvoip_session_cloud_call_join` with the latest notify (answer a phone call, or join an `iot/voip/call` room, D §2.4). */
  cloudCallJoin(): Promise<number>;
  /** `wx_cloudvoip_listener_hangup` for the latest notify: refuse a phone call, or report busy (D §2.5 step 5). */
  listenerHangup(options?: { busy?: boolean }): Promise<number>;
  /** `wx_cloudvoip_session_hangup` of the joined session. */
  hangUp(reason?: WxHangupReason): Promise<number>;
}

/** How often a join is retried while WeChat has not read the errcode 0 yet (`-1`: the call is not ringing yet). */
const JOIN_RETRIES = 10;

/**
 * Starts a vendor cloud on the cell's platform: `env.onCallback` gets a receiver built with the demo app's Token,
 * EncodingAESKey and appId that accepts every call (errcode 0) and, once the reply is on its way, relays phone calls
 * (notifies whose payload the camera did not announce) to the attached camera. Joins and refusals are the cell's to
 * make, each through a fresh server-SDK process (WeChat: one process per call).
 */
export async function vendorCloudParty(env: FlowEnv): Promise<VendorCloudParty> {
  const callbacks: string[] = [];
  const notifies: IotVoipNotifyMessage[] = [];
  const log: string[] = [];
  const announced = new Set<string>();
  const servers: CloudVoipServer[] = [];
  let camera: CameraScreen | undefined;
  let session: CloudVoipSession | null = null;
  let joinedBy: CloudVoipServer | null = null;
  let refuser: CloudVoipServer | undefined;

  const platform = { platformUrl: env.url, namespace: env.namespace, WebSocket: env.WebSocket };
  const newServer = async (label: string): Promise<CloudVoipServer> => {
    const server = new CloudVoipServer({ ...platform, label });
    servers.push(server);
    const code = await server.init({ data_dir: `/var/lib/vendor-cloud/${label}` });
    if (code !== 0) throw new Error(`the vendor cloud could not start its server SDK: ${server.lastError?.message ?? code}`);
    return server;
  };

  const listener: CloudVoipListener = {
    status: (_session, _userData, status: WxVoipStatus, reason) => {
      log.push(formatStatus(status, reason));
      if (status === WX_VOIP_STATUS.CALLING) camera?.screen.push('calling');
      else if (status === WX_VOIP_STATUS.TALKING) camera?.screen.push('talking');
      else if (WX_VOIP_TERMINAL_STATUSES.includes(status)) camera?.screen.push(`ended(${wxVoipStatusName(status)})`);
    },
  };

  /** Records `name` now (statuses may arrive before the join answers) and fills in the return value. */
  const logged = async (name: string, act: () => Promise<number>): Promise<number> => {
    const at = log.push(name) - 1;
    const code = await act();
    log[at] = `${name}:${code}`;
    return code;
  };

  const lastNotify = (): IotVoipNotifyMessage => {
    const notify = notifies.at(-1);
    if (notify === undefined) throw new Error('the vendor cloud received no iot_voip_notify');
    return notify;
  };

  const join = async (name: string, attempt: (server: CloudVoipServer, notify: IotVoipNotifyMessage) => Promise<{ code: number; session: CloudVoipSession | null }>): Promise<number> => {
    const notify = lastNotify();
    const server = await newServer(`${name}-${notify.RoomId}`);
    return logged(name, async () => {
      let joined = await attempt(server, notify);
      for (let retry = 1; joined.code === -1 && retry < JOIN_RETRIES; retry += 1) {
        await new Promise((resolve) => setTimeout(resolve, 20 * retry));
        joined = await attempt(server, notify);
      }
      session = joined.session;
      joinedBy = server;
      return joined.code;
    });
  };

  await env.onCallback(
    createCallbackReceiver({
      token: APP.pushConfig!.token,
      encodingAESKey: APP.pushConfig!.encodingAESKey,
      appId: APP.appId,
      // The timestamp window is checked against the platform's (manual) clock, the sender's time.
      now: () => env.now(),
      onNotify: (notify) => {
        callbacks.push(`${notify.Event}(${notify.Action})`);
        notifies.push(notify);
        const placedByCamera = announced.delete(notify.Payload);
        // Relay once the reply is on its way: the call rings only after WeChat reads errcode 0 (D §2.5 step 3).
        if (!placedByCamera && camera?.sn === notify.Sn) {
          const shown = camera;
          setTimeout(() => void shown.screen.push(`ringing(${notify.FromUserName})`), 0);
        }
        return { errcode: 0, errmsg: 'ok' };
      },
    }),
  );
  env.onCleanup(async () => {
    for (const server of servers) await server.destroy().catch(() => undefined);
  });

  return {
    callbacks,
    notifies,
    log,
    get session() {
      return session;
    },
    get partyId() {
      return joinedBy?.partyId ?? null;
    },
    attach: (screen) => void (camera = screen),
    expectCall: (payload) => void announced.add(payload),
    lastNotify,
    sessionJoin: () =>
      join('session_join', (server, n) =>
        server.sessionJoin({ type: WX_CLOUDVOIP_SESSION_TYPE.AUDIO, wxa_appid: APP.appId, device_id: n.Sn, model_id: n.ModelId, server_token: n.ServerToken, payload: n.Payload }, listener),
      ),
    cloudCallJoin: () =>
      join('cloud_call_join', (server, n) =>
        server.cloudCallJoin({ type: WX_CLOUDVOIP_SESSION_TYPE.AUDIO, wxa_appid: APP.appId, server_token: n.ServerToken, roomid: n.RoomId, session_key: n.SessionKey, payload: n.Payload }, listener),
      ),
    async listenerHangup({ busy = false } = {}) {
      const n = lastNotify();
      refuser ??= await newServer('refusals');
      const server = refuser;
      const params = { wxa_appid: APP.appId, device_id: n.Sn, model_id: n.ModelId, server_token: n.ServerToken, payload: n.Payload, reason: WX_HANGUP_REASON.REJECT };
      return logged(busy ? 'listener_hangup(busy)' : 'listener_hangup', () => server.listenerHangup(params, { busy }));
    },
    async hangUp(reason = WX_HANGUP_REASON.MANUAL) {
      const current = session;
      if (current === null) throw new Error('the vendor cloud has no session to hang up');
      return logged('session_hangup', () => current.hangup(reason));
    },
  };
}

/** A payload that arrives unchanged only if nothing on the way (JSON, XML CDATA, AES, signatures) touches it. */
export const TRICKY_PAYLOAD = 'stream=42&codec=opus ✓ <b>"&amp;"</b> ]]> 末尾';
