import type { ErrorDomain } from './errorEntry.js';

/** How one domain is presented in docs/errors.md. */
export interface ErrorDomainInfo {
  /** Section heading. */
  readonly title: string;
  /** One paragraph: where these codes appear and how they reach the developer. */
  readonly description: string;
}

/** Title and description of every error domain, in the order docs/errors.md lists them. */
export const ERROR_DOMAIN_INFO = {
  backend: {
    title: 'VoIP backend errCode',
    description:
      'Returned by call creation (initByCaller, callWMPF, callDevice, device calls, server iot/voip/call) and device registration. The plugin raises them as VoipCgiError (initByCaller may instead resolve with isSuccess: false); the RTOS SDK returns them negated (-errCode); the Linux SDK maps them to wx_error_t and shows them in its log (P §6.2 says both SDKs negate them; D §1.5 and §2.6 show the Linux SDK returning wx_error_t). Gaps 6, 10, 11, 16, 18 and 21 are undocumented.',
  },
  plugin: {
    title: 'wmpf-voip plugin errCode',
    description:
      'Raised by the plugin itself (plugin >= 2.4.0 as VoipError subclasses). 1002/1003 are VoipCgiError, 2000-2104 VoipJoinError, the rest VoipPluginError (our reading of P §12.4). Gaps 1009, 1010, 2011-2099 and 2101 are undocumented.',
  },
  'plugin-event': {
    title: 'plugin event errMsg literals',
    description:
      'Exact errMsg strings carried by abortVoip (data.error.errMsg) and joinFailCaller (data.errMsg). They have no number; match them literally, typos included.',
  },
  'device-sdk': {
    title: 'device SDK wx_error_t',
    description:
      'Return values of the Linux (wmpf/*.h) and RTOS (wxvoip_client.h) device SDKs. Names are WeChat\'s; the numbers come from third-party docs of the same SDK. The RTOS SDK also returns negated backend codes.',
  },
  'server-api': {
    title: 'api.weixin.qq.com errcode',
    description:
      'errcode in the { errcode, errmsg } body of the server APIs a developer backend calls (always HTTP 200). Hardware routes add the 98000xx codes.',
  },
  authorization: {
    title: 'wx.requestDeviceVoIP failures',
    description:
      'errCode (or errno) of a failed wx.requestDeviceVoIP on the phone. Known from community reports; the code of a first-time deny is undocumented.',
  },
  'wmpf-registration': {
    title: 'WMPF registration codes',
    description:
      'The code returned by WMPF registerMiniProgramDevice and the device-auth SDK registerDevice on Android devices.',
  },
  'wmpf-runtime': {
    title: 'WMPF runtime codes',
    description: 'Codes WMPF logs while a call runs on an Android device.',
  },
} as const satisfies Record<ErrorDomain, ErrorDomainInfo>;
