import { RequestDeviceVoipArgs } from '@wxvoip/contracts';
import type { SimulatedWmpfVoip } from '../simulator/createWmpfVoipSimulator.js';
import type { PartyFailure } from '@wxvoip/party-client';
import type { GetDeviceVoIPListOption, RequestDeviceVoIPFailResult, RequestDeviceVoIPOption, WxDeviceVoip, WxGeneralCallbackResult } from '../types/wxDeviceVoip.js';

/** Fake `wx` VoIP members backed by the platform; mergeable into a `global.wx` (e.g. the one `miniprogram-simulate` installs). */
export interface FakeWx extends WxDeviceVoip {
  /** Resolves once every call made through these members has called its callbacks. */
  idle(): Promise<void>;
}

/** `fail` result of a refused request: the catalogue code as `errCode`, or `errno` 1001 for a parameter error (D §5.1, §7.5). */
function failResult(api: string, failure: PartyFailure): RequestDeviceVoIPFailResult {
  if (failure.kind === 'refused') {
    const { key, errcode, errmsg } = failure.refusal;
    if (key === 'AUTHORIZATION_PARAMETER_ERROR') return { errMsg: `${api}:fail ${errmsg}`, errno: 1001 };
    return { errMsg: `${api}:fail ${errmsg}`, errCode: errcode };
  }
  if (failure.kind === 'invalid') return { errMsg: `${api}:fail parameter error`, errno: 1001 };
  return { errMsg: `${api}:fail ${failure.kind === 'credential' ? 'not connected' : failure.kind === 'malformed' ? 'bad response' : 'request failed'}` };
}

function finish<TSuccess, TFail>(option: { success?: (r: TSuccess) => void; fail?: (r: TFail) => void; complete?: (r: TSuccess | TFail) => void } | undefined, outcome: { ok: true; result: TSuccess } | { ok: false; result: TFail }): void {
  if (outcome.ok) option?.success?.(outcome.result);
  else option?.fail?.(outcome.result);
  option?.complete?.(outcome.result);
}

/**
 * `wx.requestDeviceVoIP` and `wx.getDeviceVoIPList` of the phone, callback style with the documented results (D §5.1,
 * §5.3), acting for the simulator's user on the same platform. What the user answers in the authorization dialog is
 * the seeded user's `dialogDecision` (set it through the control API).
 *
 * @example
 * const wx = { ...globalThis.wx, ...createFakeWx(wmpfVoip) };
 * wx.requestDeviceVoIP({ sn, snTicket, modelId, deviceName: 'Front door', success: () => save(sn), fail: (e) => show(e.errCode) });
 */
export function createFakeWx(plugin: SimulatedWmpfVoip): FakeWx {
  const sim = plugin.simulator.internals;
  return {
    requestDeviceVoIP(option: RequestDeviceVoIPOption): void {
      const api = 'requestDeviceVoIP';
      const { success: _s, fail: _f, complete: _c, ...args } = option;
      void sim.track(async () => {
        const parsed = RequestDeviceVoipArgs.safeParse(args);
        if (!parsed.success) {
          finish<WxGeneralCallbackResult, RequestDeviceVoIPFailResult>(option, { ok: false, result: { errMsg: `${api}:fail parameter error`, errno: 1001 } });
          return;
        }
        const result = await sim.party.request('wxRequestDeviceVoip', { body: parsed.data });
        finish<WxGeneralCallbackResult, RequestDeviceVoIPFailResult>(option, result.ok ? { ok: true, result: { errMsg: `${api}:ok` } } : { ok: false, result: failResult(api, result.failure) });
      });
    },
    getDeviceVoIPList(option?: GetDeviceVoIPListOption): void {
      const api = 'getDeviceVoIPList';
      void sim.track(async () => {
        const result = await sim.party.request('wxGetDeviceVoipList', {});
        finish(option, result.ok ? { ok: true, result: { errMsg: `${api}:ok`, list: result.data.list } } : { ok: false, result: failResult(api, result.failure) as WxGeneralCallbackResult });
      });
    },
    idle: () => sim.idle(),
  };
}
