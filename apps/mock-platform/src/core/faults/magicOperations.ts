import { WECHAT_VOIP_BACKEND_ERRCODES, wechatRouteErrcodes } from '@wxvoip/contracts';
import type { CodedErrorDomain, PlatformOperation, WechatRouteKey } from '@wxvoip/contracts';
import { OPERATION_DOMAINS } from './operationDomains.js';

/** A request field that can carry a magic value. */
export type MagicField = 'sn' | 'openId' | 'payload';

/** Which fields of one operation honour magic values, and which codes they may force. */
export interface MagicOperationRule {
  /** Where each honoured field is read, in words (the API facade passes exactly these values). */
  readonly fields: Readonly<Partial<Record<MagicField, string>>>;
  /** Domains a code is read in, in order (see OPERATION_DOMAINS). */
  readonly domains: readonly CodedErrorDomain[];
  /** The codes this operation can be forced to answer; any other code leaves the value an ordinary value. */
  readonly codes: readonly number[];
}

/** Backend codes a call can fail with at creation, join or hang-up (P §6.2, D §10.3). */
const CALL_BACKEND: readonly number[] = WECHAT_VOIP_BACKEND_ERRCODES;
/** Plugin codes of call creation: not 1008 (an interruption during the call, P §6.3) and not the 2xxx join codes. */
const PLUGIN_CALL = [1002, 1003, 1004, 1005, 1007, 1011] as const;
/** Backend codes of device registration (D §1.4, §7.1, §10.3): SN bound elsewhere, ticket expired, malformed, model mismatch. */
const REGISTRATION = [9, 10008, 9800011, 9800004] as const;

function transport(operation: PlatformOperation, fields: MagicOperationRule['fields'], codes: readonly number[]): MagicOperationRule {
  return { fields, domains: OPERATION_DOMAINS[operation], codes };
}

function wechat(route: WechatRouteKey, fields: MagicOperationRule['fields']): MagicOperationRule {
  return { fields, domains: OPERATION_DOMAINS[`wechat.${route}`], codes: wechatRouteErrcodes[route] };
}

const SN_DEVICE_LIST = 'every device_list[].sn';

/**
 * Every operation that honours magic values (docs/magic-values.md). An operation not listed here ignores them.
 * WeChat routes honour their documented errcodes (`wechatRouteErrcodes`); transport routes the codes below [I].
 * Fields are request arguments naming a target or peer, never the calling party's identity, except for
 * `registerDevice` and `wmpfGetDeviceToken`, whose only subject is the calling device.
 */
export const MAGIC_OPERATIONS: Readonly<Partial<Record<PlatformOperation, MagicOperationRule>>> = {
  'transport.initByCaller': transport(
    'transport.initByCaller',
    {
      sn: 'the id that is an SN: caller.id (businessType 1) or listener.id (businessType 2)',
      openId: 'the id that is an openId: listener.id (businessType 0, 1, 3) or caller.id (businessType 2)',
    },
    [...CALL_BACKEND, 1000, 1001, 1006, ...PLUGIN_CALL],
  ),
  'transport.callDevice': transport('transport.callDevice', { sn: 'body.sn', payload: 'body.payload' }, [...CALL_BACKEND, ...PLUGIN_CALL]),
  'transport.callWmpf': transport('transport.callWmpf', { sn: 'body.sn' }, [...CALL_BACKEND, ...PLUGIN_CALL]),
  'transport.wxRequestDeviceVoip': transport('transport.wxRequestDeviceVoip', { sn: 'body.sn (device authorization)' }, [10001, 10021, 10008, 10025, -12001, 1001]),
  'transport.registerDevice': transport('transport.registerDevice', { sn: "the calling device's own SN (from connectParty)" }, REGISTRATION),
  'transport.wmpfGetDeviceToken': transport('transport.wmpfGetDeviceToken', { sn: "the calling device's own SN (from connectParty)" }, [1000]),
  'transport.linuxSessionCall': transport('transport.linuxSessionCall', { openId: 'body.callee.id' }, CALL_BACKEND),
  'transport.rtosClientCall': transport('transport.rtosClientCall', { openId: 'body.callee.id', payload: 'body.payload' }, CALL_BACKEND),
  'transport.rtosClientJoin': transport('transport.rtosClientJoin', { payload: 'body.payload' }, CALL_BACKEND),
  'transport.cloudSessionJoin': transport('transport.cloudSessionJoin', { sn: 'body.sn', payload: 'body.payload' }, CALL_BACKEND),
  'transport.cloudCallJoin': transport('transport.cloudCallJoin', { payload: 'body.payload' }, CALL_BACKEND),
  'transport.cloudListenerHangup': transport('transport.cloudListenerHangup', { sn: 'body.sn', payload: 'body.payload' }, CALL_BACKEND),
  'wechat.getSnTicket': wechat('getSnTicket', { sn: 'body.sn' }),
  'wechat.sendHardwareDeviceMessage': wechat('sendHardwareDeviceMessage', { sn: 'body.sn', openId: 'every body.to_openid_list[]' }),
  'wechat.addIotGroupDevice': wechat('addIotGroupDevice', { sn: SN_DEVICE_LIST }),
  'wechat.removeIotGroupDevice': wechat('removeIotGroupDevice', { sn: SN_DEVICE_LIST }),
  'wechat.activeLicenseDevice': wechat('activeLicenseDevice', { sn: SN_DEVICE_LIST }),
  'wechat.getLicenseDeviceInfo': wechat('getLicenseDeviceInfo', { sn: SN_DEVICE_LIST }),
  'wechat.addRuntimeDevice': wechat('addRuntimeDevice', { sn: 'every body.device_id_list[] (WMPF device ids are SNs)' }),
  'wechat.iotVoipCall': wechat('iotVoipCall', { sn: 'body.sn', openId: 'body.openid', payload: 'body.payload' }),
};
