import { ERROR_CATALOGUE } from '@wxvoip/contracts';
import type { CatalogueEntry, CodedErrorDomain, PlatformOperation } from '@wxvoip/contracts';

const WECHAT: readonly CodedErrorDomain[] = ['server-api'];
const CALL: readonly CodedErrorDomain[] = ['backend', 'plugin'];
const DEVICE: readonly CodedErrorDomain[] = ['backend'];

/**
 * Where the codes of each operation's refusals come from, in lookup order: a code forced by a fault or a magic value
 * is read in these domains first (backend 9 and `wx_error_t` 9 differ, D §7.3). WeChat routes answer server-api
 * errcodes; `iot/voip/call` answers the VoIP backend table first (D §4.10 [I]); plugin calls answer backend codes
 * (VoipCgiError) and plugin codes; device operations answer backend codes, which the device simulators map
 * (Linux `wx_error_t`, RTOS negated); `wx.requestDeviceVoIP` answers authorization codes.
 */
export const OPERATION_DOMAINS: Readonly<Record<PlatformOperation, readonly CodedErrorDomain[]>> = {
  'wechat.getAccessToken': WECHAT,
  'wechat.getStableAccessToken': WECHAT,
  'wechat.getSnTicket': WECHAT,
  'wechat.sendHardwareDeviceMessage': WECHAT,
  'wechat.createIotGroupId': WECHAT,
  'wechat.getIotGroupInfo': WECHAT,
  'wechat.addIotGroupDevice': WECHAT,
  'wechat.removeIotGroupDevice': WECHAT,
  'wechat.expandGroup': WECHAT,
  'wechat.getLicensePkgList': WECHAT,
  'wechat.activeLicenseDevice': WECHAT,
  'wechat.getLicenseDeviceInfo': WECHAT,
  'wechat.addRuntimeDevice': WECHAT,
  'wechat.pushAppMsg': WECHAT,
  'wechat.iotVoipCall': ['backend', 'server-api'],
  'transport.connectParty': WECHAT,
  'transport.getSelf': WECHAT,
  'transport.disconnectSelf': WECHAT,
  'transport.initByCaller': CALL,
  'transport.callDevice': CALL,
  'transport.callWmpf': CALL,
  'transport.forceHangUp': ['plugin'],
  'transport.getIotBindContactList': ['plugin'],
  'transport.wxRequestDeviceVoip': ['authorization'],
  'transport.wxGetDeviceVoipList': ['authorization'],
  'transport.getRoomView': CALL,
  'transport.joinRoomAsCaller': CALL,
  'transport.answerRoom': CALL,
  'transport.rejectRoom': CALL,
  'transport.hangUpRoom': CALL,
  'transport.abortRoom': CALL,
  'transport.roomHeartbeat': CALL,
  'transport.registerDevice': ['backend', 'wmpf-registration'],
  'transport.getDeviceRegistration': DEVICE,
  'transport.linuxSessionCall': DEVICE,
  'transport.linuxListenerJoin': DEVICE,
  'transport.linuxListenerHangup': DEVICE,
  'transport.rtosClientCall': DEVICE,
  'transport.rtosClientJoin': DEVICE,
  'transport.cloudSessionJoin': DEVICE,
  'transport.cloudCallJoin': DEVICE,
  'transport.cloudListenerHangup': DEVICE,
  'transport.wmpfGetDeviceToken': ['plugin', 'wmpf-registration'],
  'transport.wmpfGetPushToken': ['wmpf-registration'],
};

/**
 * Domains whose codes travel in the platform's answers; a forced code outside an operation's own domains is read in
 * these. `wx_error_t` and the WMPF codes are produced by the simulators themselves, so a bare 6 is not read as
 * `WXERROR_ALREADY_EXISTS`.
 */
const WIRE_DOMAINS: readonly CodedErrorDomain[] = ['backend', 'server-api', 'plugin', 'authorization'];

/** The catalogue entry of `code` in the first of `domains` that knows it, or undefined. */
export function lookupCode(code: number, domains: readonly CodedErrorDomain[]): CatalogueEntry | undefined {
  for (const domain of domains) {
    const entry = ERROR_CATALOGUE.find((e) => e.domain === domain && e.code === code);
    if (entry) return entry;
  }
  return undefined;
}

/** The catalogue entry of a code an operation was forced to answer: its own domains first, then the other wire domains. */
export function lookupOperationCode(operation: PlatformOperation, code: number): CatalogueEntry | undefined {
  const own = OPERATION_DOMAINS[operation];
  return lookupCode(code, [...own, ...WIRE_DOMAINS.filter((d) => !own.includes(d))]);
}
