/** The call directions of the flow matrix, each driven through the public API that places such a call. */
export const DIRECTIONS = {
  phoneToLinux: 'phone → Linux (`callDevice`)',
  phoneToRtos: 'phone → RTOS (`callDevice` with `isCloud`)',
  phoneToWmpfCallWmpf: 'phone → WMPF (`callWMPF`)',
  phoneToWmpfInitByCaller: 'phone → WMPF (`initByCaller` businessType 2)',
  wmpfToPhone: 'WMPF → phone (`initByCaller` businessType 1, WMPF-registered)',
  wmpfToPhoneDeviceToken: 'WMPF → phone (`initByCaller` businessType 1, deviceToken-registered)',
  linuxToPhone: 'Linux → phone (`wx_voip_session_call`)',
  rtosToPhone: 'RTOS → phone (`wx_cloudvoip_client_call`)',
  serverToPhone: 'server → phone (`POST /wxa/business/iot/voip/call`)',
} as const;

/** One call direction. */
export type Direction = keyof typeof DIRECTIONS;

/** The outcomes every direction is tried with. */
export const OUTCOMES = {
  callerHangsUp: 'answered, then hung up by the caller',
  listenerHangsUp: 'answered, then hung up by the listener',
  timeLimit: 'answered, then ended by `timeLimit`',
  rejected: 'rejected',
  cancelled: 'cancelled by the caller before an answer',
  timeout: 'not answered: the 60 s ring timeout',
  busy: 'the listener is busy in another call',
  listenerWait: 'answered, the caller never joins: the 20 s listener wait',
  connectionDrop: "a party's connection drops during the talk: abort",
  notAuthorized: 'the user has not authorized the device',
  licenseMissing: 'the device has no license',
  licenseExpired: "the device's license expired",
  arrears: 'the app is in arrears',
  capabilityMissing: 'the app has no approved VoIP capability',
} as const;

/** One outcome of the matrix. */
export type Outcome = keyof typeof OUTCOMES;

/** Where the platform runs for a cell: in-process through msw, or listening on 127.0.0.1. */
export type Transport = 'in-process' | 'http';
