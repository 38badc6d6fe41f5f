import type { WmpfVoipModule } from '../types/wmpfVoip.js';
import type { SimulatedWmpfVoip } from '../simulator/createWmpfVoipSimulator.js';
import type { EndPageOutcome } from '../simulator/callPageControl.js';
import { isCallPageUrl } from '../simulator/callState.js';
import type { GetDeviceVoIPListOption, RequestDeviceVoIPOption, WxCallbacks, WxGeneralCallbackResult } from '../types/wxDeviceVoip.js';
import { createFakeWx, type FakeWx } from '../wx/createFakeWx.js';
import { createLivePlugin } from './createLivePlugin.js';

/** WeChat's limit on the page stack (`navigateTo` fails beyond it). */
export const PAGE_STACK_LIMIT = 10;

/** One page of the stack `getCurrentPages()` returns: its route (no leading slash) and its `onLoad` query. */
export interface MiniProgramPage {
  /** E.g. `'pages/devices/devices'`, or the plugin's call page path. */
  readonly route: string;
  /** The query it was opened with. */
  readonly options: Readonly<Record<string, string>>;
}

/** One navigation: by the mini program's code through `wx`, or by the plugin (the end page after a call). */
export interface MiniProgramNavigation {
  /** The `wx` method, or the end page's `routeType`. */
  readonly method: 'navigateTo' | 'redirectTo' | 'reLaunch' | 'switchTab' | 'navigateBack';
  /** The URL (for `navigateBack`, the route it went back to). */
  readonly url: string;
  /** Who navigated. */
  readonly by: 'page' | 'plugin';
}

/** The option of a `wx` navigation method. */
type NavigateOption = { url: string } & WxCallbacks<WxGeneralCallbackResult>;
/** The option of `wx.navigateBack`. */
type NavigateBackOption = { delta?: number } & WxCallbacks<WxGeneralCallbackResult>;

/**
 * The `wx` members installed: the VoIP ones (callback style, D §5.1, §5.3) and navigation (callback style, or a
 * Promise when no callback is given, as in the base library).
 */
export interface MiniProgramWx {
  /** `wx.requestDeviceVoIP`. */
  requestDeviceVoIP(option: RequestDeviceVoIPOption): void;
  /** `wx.getDeviceVoIPList`. */
  getDeviceVoIPList(option?: GetDeviceVoIPListOption): void;
  /** `wx.navigateTo`: opens the simulated call page for `CALL_PAGE_PATH`. */
  navigateTo(option: NavigateOption): Promise<WxGeneralCallbackResult> | undefined;
  /** `wx.redirectTo`. */
  redirectTo(option: NavigateOption): Promise<WxGeneralCallbackResult> | undefined;
  /** `wx.reLaunch`. */
  reLaunch(option: NavigateOption): Promise<WxGeneralCallbackResult> | undefined;
  /** `wx.switchTab` (never the call page). */
  switchTab(option: NavigateOption): Promise<WxGeneralCallbackResult> | undefined;
  /** `wx.navigateBack`: leaving the call page while it shows a call ends it (`unloadCallPage`). */
  navigateBack(option?: NavigateBackOption): Promise<WxGeneralCallbackResult> | undefined;
}

/** Options of {@link installMiniProgramGlobals}. */
export interface MiniProgramGlobalsOptions {
  /** The page every test starts on (`getCurrentPages()`); default `'pages/index/index'`. */
  readonly homePage?: string;
}

/** The installed globals and what they recorded. */
export interface MiniProgramGlobals {
  /** `requirePlugin('wmpf-voip').default`: one object for the whole file, always the current test's simulator. */
  readonly plugin: SimulatedWmpfVoip<'wechat'>;
  /** The `wx` members installed (the same functions as on `globalThis.wx`). */
  readonly wx: MiniProgramWx;
  /** The page stack, bottom first (what `getCurrentPages()` returns). */
  pages(): readonly MiniProgramPage[];
  /** Every navigation since the last reset, in order. */
  readonly navigations: readonly MiniProgramNavigation[];
  /** Puts one page on the stack, as a launch on it does (not recorded as a navigation). */
  launch(url: string): void;
  /** Installs the members again (merging into the current `globalThis.wx`), empties the history, launches the home page. */
  reset(): void;
  /** Restores every global and `wx` member to what it was before. */
  uninstall(): void;
}

const WX_MEMBERS = ['requestDeviceVoIP', 'getDeviceVoIPList', 'navigateTo', 'redirectTo', 'reLaunch', 'switchTab', 'navigateBack'] as const;
const GLOBALS = ['requirePlugin', 'getCurrentPages'] as const;

type Scope = Record<string, unknown>;

/** Splits `/pages/a/b?x=1` (or a path relative to `from`) into a route and a query. */
export function parsePageUrl(url: string, from?: string): MiniProgramPage {
  const [pathPart = '', queryPart] = url.split('?', 2);
  let route: string;
  if (pathPart.includes('://')) route = pathPart;
  else if (pathPart.startsWith('/')) route = pathPart.slice(1);
  else {
    const parts = (from ?? '').split('/').slice(0, -1);
    for (const segment of pathPart.split('/')) {
      if (segment === '..') parts.pop();
      else if (segment !== '.' && segment !== '') parts.push(segment);
    }
    route = parts.join('/');
  }
  const options: Record<string, string> = {};
  for (const pair of (queryPart ?? '').split('&')) {
    if (pair === '') continue;
    const [key = '', value = ''] = pair.split('=', 2);
    options[decodeURIComponent(key)] = decodeURIComponent(value);
  }
  return { route, options };
}

/**
 * Installs the mini-program globals the call flow uses into the test environment: `requirePlugin` (resolving
 * `'wmpf-voip'` to a live plugin that is always `current()`), the VoIP and navigation members of `wx` (merged into an
 * existing `globalThis.wx`, such as the one `miniprogram-simulate` installs: never replacing it), and
 * `getCurrentPages`. Call `reset()` before each test and `uninstall()` after the last; `useWmpfVoipTesting(hooks, {
 * globals: true })` does all three.
 *
 * @example
 * const globals = installMiniProgramGlobals(() => phone);
 * const wmpfVoip = requirePlugin('wmpf-voip').default; // live: stays right when `phone` changes
 */
export function installMiniProgramGlobals(current: () => SimulatedWmpfVoip<'wechat'>, options: MiniProgramGlobalsOptions = {}): MiniProgramGlobals {
  const scope = globalThis as unknown as Scope;
  const homePage = options.homePage ?? 'pages/index/index';
  const plugin = createLivePlugin(current);
  const pluginModule: WmpfVoipModule = { default: plugin };
  const fakeWx = new WeakMap<SimulatedWmpfVoip, FakeWx>();
  /** The last end-page outcome applied, per simulator (the outcomes are a bounded history: indexes shift once full). */
  const endPagesSeen = new WeakMap<SimulatedWmpfVoip, EndPageOutcome>();
  const savedGlobals = new Map<string, PropertyDescriptor | undefined>();
  const savedWx = new Map<Scope, Map<string, PropertyDescriptor | undefined>>();
  let createdWx: Scope | undefined;
  let stack: MiniProgramPage[] = [parsePageUrl(homePage)];
  const navigations: MiniProgramNavigation[] = [];

  const wxOf = (p: SimulatedWmpfVoip): FakeWx => {
    let wx = fakeWx.get(p);
    if (wx === undefined) {
      wx = createFakeWx(p);
      fakeWx.set(p, wx);
    }
    return wx;
  };

  /** Applies the end-page navigations the plugin made since the last look (P §5.5). */
  const syncEndPages = (): void => {
    const p = current();
    const outcomes = p.simulator.callPage.endPageOutcomes;
    const last = endPagesSeen.get(p);
    // After the last one applied; all of them when it has been dropped from the history (or none was applied yet).
    for (let i = last === undefined ? 0 : outcomes.lastIndexOf(last) + 1; i < outcomes.length; i += 1) {
      const outcome = outcomes[i];
      if (outcome?.kind === 'navigated') {
        const page = parsePageUrl(outcome.url, stack.at(-1)?.route);
        stack = outcome.routeType === 'redirectTo' ? [...stack.slice(0, -1), page] : [page];
        navigations.push({ method: outcome.routeType, url: outcome.url, by: 'plugin' });
      } else if (outcome?.kind === 'miniProgramClosed') {
        stack = [];
      }
    }
    const newest = outcomes.at(-1);
    if (newest !== undefined) endPagesSeen.set(p, newest);
  };

  /** Pages leave the stack: a call page that shows a call unloads, which ends the call (P §3.4). */
  const unload = async (removed: readonly MiniProgramPage[]): Promise<void> => {
    const callPage = current().simulator.callPage;
    if (removed.some((page) => isCallPageUrl(page.route)) && callPage.state.open && !callPage.state.summary) await callPage.leave();
  };

  const respond = <O extends WxCallbacks<WxGeneralCallbackResult>>(api: string, option: O | undefined, run: () => Promise<void>): Promise<WxGeneralCallbackResult> | undefined => {
    // Not tracked by the simulator: the call page's navigate is, and a testbed's settling version waits for it.
    const outcome = (async () => {
      syncEndPages();
      await run();
    })()
      .then(
        () => ({ ok: true as const, result: { errMsg: `${api}:ok` } }),
        (error: unknown) => ({ ok: false as const, result: { errMsg: `${api}:fail ${error instanceof Error ? error.message : String(error)}` } }),
      )
      .then((r) => {
        if (r.ok) option?.success?.(r.result);
        else option?.fail?.(r.result);
        option?.complete?.(r.result);
        return r;
      });
    if (option?.success !== undefined || option?.fail !== undefined || option?.complete !== undefined) {
      void outcome;
      return undefined;
    }
    return outcome.then((r) => (r.ok ? r.result : Promise.reject(r.result)));
  };

  const open = async (method: 'navigateTo' | 'redirectTo' | 'reLaunch', url: string): Promise<void> => {
    const page = parsePageUrl(url, stack.at(-1)?.route);
    if (method === 'navigateTo' && stack.length >= PAGE_STACK_LIMIT) throw new Error('webview count limit exceed');
    const removed = method === 'navigateTo' ? [] : method === 'redirectTo' ? stack.slice(-1) : stack;
    stack = method === 'navigateTo' ? [...stack, page] : method === 'redirectTo' ? [...stack.slice(0, -1), page] : [page];
    navigations.push({ method, url, by: 'page' });
    await unload(removed);
    if (isCallPageUrl(url)) await current().simulator.callPage.navigate(url, method);
  };

  const wx: MiniProgramWx = {
    requestDeviceVoIP: (option) => wxOf(current()).requestDeviceVoIP(option),
    getDeviceVoIPList: (option) => wxOf(current()).getDeviceVoIPList(option),
    navigateTo: (option) => respond('navigateTo', option, () => open('navigateTo', option.url)),
    redirectTo: (option) => respond('redirectTo', option, () => open('redirectTo', option.url)),
    reLaunch: (option) => respond('reLaunch', option, () => open('reLaunch', option.url)),
    switchTab: (option) =>
      respond('switchTab', option, async () => {
        if (isCallPageUrl(option.url)) throw new Error('can not switch to a non-tabBar page');
        const removed = stack;
        stack = [parsePageUrl(option.url, stack.at(-1)?.route)];
        navigations.push({ method: 'switchTab', url: option.url, by: 'page' });
        await unload(removed);
      }),
    navigateBack: (option) =>
      respond('navigateBack', option, async () => {
        if (stack.length <= 1) throw new Error('cannot navigate back at first page.');
        const delta = Math.min(Math.max(1, Math.floor(option?.delta ?? 1)), stack.length - 1);
        const removed = stack.slice(-delta);
        stack = stack.slice(0, -delta);
        navigations.push({ method: 'navigateBack', url: `/${stack.at(-1)?.route ?? ''}`, by: 'page' });
        await unload(removed);
      }),
  };

  const getCurrentPages = (): MiniProgramPage[] => {
    syncEndPages();
    return [...stack];
  };
  const requirePlugin = (name: string): WmpfVoipModule => {
    if (name !== 'wmpf-voip') throw new Error(`[wxvoip] requirePlugin('${name}'): the test globals provide the plugin declared as 'wmpf-voip' only`);
    return pluginModule;
  };
  const globalValues: Record<(typeof GLOBALS)[number], unknown> = { requirePlugin, getCurrentPages };

  const install = (): void => {
    for (const name of GLOBALS) {
      if (!savedGlobals.has(name)) savedGlobals.set(name, Object.getOwnPropertyDescriptor(scope, name));
      Object.defineProperty(scope, name, { value: globalValues[name], configurable: true, writable: true, enumerable: false });
    }
    let target = scope['wx'];
    if (typeof target !== 'object' || target === null) {
      target = {};
      createdWx = target as Scope;
      scope['wx'] = target;
    }
    const wxScope = target as Scope;
    let saved = savedWx.get(wxScope);
    if (saved === undefined) {
      saved = new Map();
      savedWx.set(wxScope, saved);
      for (const name of WX_MEMBERS) saved.set(name, Object.getOwnPropertyDescriptor(wxScope, name));
    }
    for (const name of WX_MEMBERS) wxScope[name] = wx[name];
  };

  install();
  return {
    plugin,
    wx,
    pages: getCurrentPages,
    get navigations() {
      return navigations;
    },
    launch(url) {
      stack = [parsePageUrl(url)];
    },
    reset() {
      navigations.length = 0;
      stack = [parsePageUrl(homePage)];
      install();
    },
    uninstall() {
      for (const [name, descriptor] of savedGlobals) {
        if (descriptor === undefined) Reflect.deleteProperty(scope, name);
        else Object.defineProperty(scope, name, descriptor);
      }
      savedGlobals.clear();
      for (const [target, members] of savedWx) {
        for (const [name, descriptor] of members) {
          if (descriptor === undefined) Reflect.deleteProperty(target, name);
          else Object.defineProperty(target, name, descriptor);
        }
      }
      savedWx.clear();
      if (createdWx !== undefined && scope['wx'] === createdWx) Reflect.deleteProperty(scope, 'wx');
      createdWx = undefined;
    },
  };
}
