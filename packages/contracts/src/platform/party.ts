import { z } from 'zod';
import { AppId, ModelId, OpenId, RoomId, Sn } from '../common/identifiers.js';
import { EnvVersion, LATEST_PLUGIN_VERSION, PluginVersion, RegistrationMode } from '../plugin-api/index.js';
import { Namespace } from './headers.js';
import { TRANSPORT_PROTOCOL_VERSION } from './prefixes.js';

/**
 * Who a connected party is (DESIGN "Who uses it"):
 * - `wechatPlugin`: the wmpf-voip plugin inside the phone's WeChat client, acting for one user (openId);
 * - `wmpfPlugin`: the plugin inside WMPF on an Android device (sn + modelId), which is also that device;
 * - `linuxDevice`: a Linux device running the VoIP SDK (D §1);
 * - `rtosDevice`: an RTOS device running the cloudvoip client SDK (D §2.1);
 * - `vendorCloud`: one process of the vendor cloud's server SDK (D §2.4).
 */
export const PartyKind = z.enum(['wechatPlugin', 'wmpfPlugin', 'linuxDevice', 'rtosDevice', 'vendorCloud'], {
  errorMap: () => ({
    message: "kind must be one of 'wechatPlugin', 'wmpfPlugin', 'linuxDevice', 'rtosDevice', 'vendorCloud'",
  }),
});
/** Who a connected party is. */
export type PartyKind = z.infer<typeof PartyKind>;

/** Platform-assigned id of a connected party (opaque; e.g. `p-7`). */
export const PartyId = z.string().min(1, 'partyId must not be empty');
/** Platform-assigned id of a connected party. */
export type PartyId = z.infer<typeof PartyId>;

/** A dotted version number such as `8.0.54` (WeChat client) or `2.1.0` (WMPF). */
const dottedVersion = (field: string) =>
  z
    .string({ invalid_type_error: `${field} must be a string such as "8.0.54"` })
    .regex(/^\d+(?:\.\d+){1,3}$/, `${field} must be a dotted version number such as "8.0.54"`);

/** Optional human label shown by the inspector and the journal. */
const label = z.string().max(64, 'label must be at most 64 characters').optional();

/**
 * Identity of the physical device (what its secure storage or data directory holds). Registration binds an SN to
 * one hardware identity; another identity registering the same SN is refused (D §1.4). [I] Default: the SN, so a
 * device that reconnects is the same hardware; pass a different value to simulate a second device claiming the SN.
 */
const hardwareId = z
  .string()
  .min(1, 'hardwareId must not be empty; omit it to use the SN')
  .max(128, 'hardwareId must be at most 128 characters')
  .optional();

/**
 * The plugin in the phone's WeChat client, for one user of one mini program. `envVersion` is the build the
 * mini program runs as; `pluginVersion` and `wechatVersion` gate version-dependent behaviour (P §11).
 * [I] Defaults: the latest documented plugin (2.4.6) and WeChat 8.0.54 (needed by `encodeVideo*`, D §1.8).
 */
export const WechatPluginConnect = z.object({
  kind: z.literal('wechatPlugin'),
  appId: AppId,
  openId: OpenId,
  envVersion: EnvVersion.default('release'),
  pluginVersion: PluginVersion.default(LATEST_PLUGIN_VERSION),
  wechatVersion: dottedVersion('wechatVersion').default('8.0.54'),
  label,
});
/** Connect request of a phone-side plugin. */
export type WechatPluginConnect = z.infer<typeof WechatPluginConnect>;
/** `WechatPluginConnect` as written, before defaults are applied. */
export type WechatPluginConnectInput = z.input<typeof WechatPluginConnect>;

/**
 * The plugin inside WMPF on an Android device (D §3). The device is identified by `sn` + `modelId`;
 * `registrationMode` says which registration route it used (`wmpf` or the legacy `deviceAuthSdk`, D §3.1). [I] Default WMPF version 2.1.0 (the recommended one, P §11).
 */
export const WmpfPluginConnect = z.object({
  kind: z.literal('wmpfPlugin'),
  appId: AppId,
  sn: Sn,
  modelId: ModelId,
  registrationMode: RegistrationMode,
  envVersion: EnvVersion.default('release'),
  pluginVersion: PluginVersion.default(LATEST_PLUGIN_VERSION),
  wmpfVersion: dottedVersion('wmpfVersion').default('2.1.0'),
  hardwareId,
  label,
});
/** Connect request of a WMPF plugin instance. */
export type WmpfPluginConnect = z.infer<typeof WmpfPluginConnect>;
/** `WmpfPluginConnect` as written, before defaults are applied. */
export type WmpfPluginConnectInput = z.input<typeof WmpfPluginConnect>;

/**
 * A Linux device: what `wx_init` is given (D §1.3): `device_id` → `sn`, `model_id`, `wxa_appid` → `appId`,
 * `wxa_flavor` → `flavor`. `sdkVersion` (hex, e.g. `0xD5000088`) gates license billing; absent means new enough [I].
 */
export const LinuxDeviceConnect = z.object({
  kind: z.literal('linuxDevice'),
  appId: AppId,
  sn: Sn,
  modelId: ModelId,
  flavor: EnvVersion.default('release'),
  sdkVersion: z
    .string()
    .regex(/^0x[0-9A-Fa-f]+$/, 'sdkVersion must be the SDK version in hex, such as "0xD5000088"')
    .optional(),
  hardwareId,
  label,
});
/** Connect request of a Linux device. */
export type LinuxDeviceConnect = z.infer<typeof LinuxDeviceConnect>;
/** `LinuxDeviceConnect` as written, before defaults are applied. */
export type LinuxDeviceConnectInput = z.input<typeof LinuxDeviceConnect>;

/** An RTOS device: what the cloudvoip `wx_init` config holds (D §2.1): device_id, model_id, wxa_appid, wxa_flavor. */
export const RtosDeviceConnect = z.object({
  kind: z.literal('rtosDevice'),
  appId: AppId,
  sn: Sn,
  modelId: ModelId,
  flavor: EnvVersion.default('release'),
  hardwareId,
  label,
});
/** Connect request of an RTOS device. */
export type RtosDeviceConnect = z.infer<typeof RtosDeviceConnect>;
/** `RtosDeviceConnect` as written, before defaults are applied. */
export type RtosDeviceConnectInput = z.input<typeof RtosDeviceConnect>;

/**
 * One vendor-cloud server-SDK process. Its `wx_init` takes only a data dir (D §2.4): the appId, SN and model
 * come with each join, so the connect request names none. One call per process, as the SDK is a singleton.
 */
export const VendorCloudConnect = z.object({
  kind: z.literal('vendorCloud'),
  label,
});
/** Connect request of a vendor-cloud server-SDK process. */
export type VendorCloudConnect = z.infer<typeof VendorCloudConnect>;

/**
 * Body of `connectParty`: who the party is, discriminated by `kind`.
 *
 * @example
 * ConnectPartyRequest.parse({ kind: 'linuxDevice', appId: 'wx_demo_app', sn: 'SN-LINUX-0001', modelId: 'model-linux-doorbell' });
 */
export const ConnectPartyRequest = z.discriminatedUnion(
  'kind',
  [WechatPluginConnect, WmpfPluginConnect, LinuxDeviceConnect, RtosDeviceConnect, VendorCloudConnect],
  {
    errorMap: (issue, ctx) =>
      issue.code === z.ZodIssueCode.invalid_union_discriminator
        ? { message: "kind must be one of 'wechatPlugin', 'wmpfPlugin', 'linuxDevice', 'rtosDevice', 'vendorCloud'" }
        : { message: ctx.defaultError },
  },
);
/** Body of `connectParty`. */
export type ConnectPartyRequest = z.infer<typeof ConnectPartyRequest>;
/** Body of `connectParty` before defaults are applied. */
export type ConnectPartyRequestInput = z.input<typeof ConnectPartyRequest>;

/** A party's credential: an opaque bearer token and when it expires (platform ms; `null` = while connected). */
export const PartyCredential = z.object({
  token: z.string().regex(/^[A-Za-z0-9._~+/-]{8,}$/, 'token must be at least 8 characters of [A-Za-z0-9._~+/-]'),
  expiresAt: z.number().int().nonnegative().nullable(),
});
/** A party's credential. */
export type PartyCredential = z.infer<typeof PartyCredential>;

/** Whether a party's push channel is currently open. */
export const ChannelState = z.enum(['open', 'closed']);
/** Whether a party's push channel is currently open. */
export type ChannelState = z.infer<typeof ChannelState>;

/** A connected party as the platform sees it: its id, namespace, identity (the connect request) and channel. */
export const PartyInfo = z.object({
  partyId: PartyId,
  namespace: Namespace,
  identity: ConnectPartyRequest,
  connectedAt: z.number().int().nonnegative(),
  channel: ChannelState,
  /** The room the party is currently in, if any (one call at a time per party, D §8). */
  currentRoomId: RoomId.nullable(),
});
/** A connected party as the platform sees it. */
export type PartyInfo = z.infer<typeof PartyInfo>;
/** `PartyInfo` as written, before defaults are applied. */
export type PartyInfoInput = z.input<typeof PartyInfo>;

/**
 * Where a party opens its push channel: a WebSocket at `path` (relative to the platform's base URL), with the
 * credential in the `access_token` query parameter (or the `authorization` header where the client can set it).
 * The platform sends `ping` every `pingIntervalMs`; a party that misses two is treated as offline.
 */
export const PushChannelInfo = z.object({
  protocol: z.literal('websocket'),
  path: z.string().startsWith('/', 'path must start with "/"'),
  tokenParam: z.literal('access_token'),
  pingIntervalMs: z.number().int().positive(),
});
/** Where a party opens its push channel. */
export type PushChannelInfo = z.infer<typeof PushChannelInfo>;

/** Data of a successful `connectParty`: the party, its credential and its push channel. */
export const ConnectPartyData = z.object({
  party: PartyInfo,
  credential: PartyCredential,
  pushChannel: PushChannelInfo,
  protocolVersion: z.literal(TRANSPORT_PROTOCOL_VERSION),
  serverTime: z.number().int().nonnegative(),
});
/** Data of a successful `connectParty`. */
export type ConnectPartyData = z.infer<typeof ConnectPartyData>;
/** `ConnectPartyData` as written, before defaults are applied. */
export type ConnectPartyDataInput = z.input<typeof ConnectPartyData>;
