import type { SimulatedWmpfVoip } from '../simulator/createWmpfVoipSimulator.js';
import { isCallPageUrl } from '../simulator/callState.js';
import type { WxCallbacks, WxGeneralCallbackResult } from '../types/wxDeviceVoip.js';

/** One navigation the mini program made through these members. */
export interface WxNavigationRecord {
  /** The `wx` method. */
  readonly method: 'navigateTo' | 'redirectTo' | 'reLaunch' | 'switchTab';
  /** The URL. */
  readonly url: string;
}

/** The option of a `wx` navigation method. */
type NavigateOption = { url: string } & WxCallbacks<WxGeneralCallbackResult>;

/** `wx` navigation members that open the simulated call page for `CALL_PAGE_PATH` and record every other page. */
export interface WxNavigation {
  /** `wx.navigateTo`. */
  navigateTo(option: NavigateOption): void;
  /** `wx.redirectTo`. */
  redirectTo(option: NavigateOption): void;
  /** `wx.reLaunch`. */
  reLaunch(option: NavigateOption): void;
  /** `wx.switchTab` (never the call page). */
  switchTab(option: NavigateOption): void;
  /** Every navigation, in order (the newest `historyLimit` of the simulator). */
  readonly history: readonly WxNavigationRecord[];
}

/**
 * `wx.navigateTo`, `redirectTo`, `reLaunch` and `switchTab` for sample code: navigating to the plugin's call page opens
 * the simulator's call page (navigating twice is the documented mistake that ends the call, P §3.4); other URLs are
 * only recorded. Merge them into the `wx` your code sees.
 *
 * @example
 * const wx = { ...createFakeWx(wmpfVoip), ...createWxNavigation(wmpfVoip), showToast: () => undefined };
 * wx.redirectTo({ url: wmpfVoip.CALL_PAGE_PATH });
 */
export function createWxNavigation(plugin: SimulatedWmpfVoip): WxNavigation {
  const history: WxNavigationRecord[] = [];
  const state = plugin.simulator.internals.state;
  const go = (method: WxNavigationRecord['method']) => (option: NavigateOption) => {
    state.record(history, { method, url: option.url });
    const done = (ok: boolean, errMsg: string) => {
      if (ok) option.success?.({ errMsg });
      else option.fail?.({ errMsg });
      option.complete?.({ errMsg });
    };
    if (!isCallPageUrl(option.url)) {
      done(true, `${method}:ok`);
      return;
    }
    if (method === 'switchTab') {
      done(false, `${method}:fail can not switch to a non-tabBar page`);
      return;
    }
    plugin.simulator.callPage.navigate(option.url, method).then(
      () => done(true, `${method}:ok`),
      (error: unknown) => done(false, `${method}:fail ${error instanceof Error ? error.message : String(error)}`),
    );
  };
  return { navigateTo: go('navigateTo'), redirectTo: go('redirectTo'), reLaunch: go('reLaunch'), switchTab: go('switchTab'), history };
}
