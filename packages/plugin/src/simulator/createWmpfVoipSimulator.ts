import {
  BindVoipAdminContactRequest,
  CALL_PAGE_PATH,
  DeleteVoipBindContactRequest,
  GetBindContactPathRequest,
  GetVoipBindContactListRequest,
  TranserAdminRequest,
  VoipCgiError,
  VoipError,
  VoipJoinError,
  VoipPluginError,
  type PageQuery,
  type SetUIConfigRequest,
  type VoipEvent,
} from '@wxvoip/contracts';
import type { WmpfVoip, WmpfVoipModule } from '../types/wmpfVoip.js';
import type { CallPage } from './callPage.js';
import type { CallPageControl } from './callPageControl.js';
import type { IncomingReminder } from './incomingCalls.js';
import { PluginSimulator } from './pluginSimulator.js';
import type { WechatSimulatorOptions, WmpfSimulatorOptions, WmpfVoipSimulatorOptions } from './simulatorOptions.js';
import type { WmpfHost } from './wmpfHost.js';
import type { WmpfHostControl } from './wmpfHostControl.js';

/** The `VoipError` classes, which the simulated plugin also carries (plugin ≥ 2.4.0; P §6.1). */
export interface VoipErrorClasses {
  /** Base class of the plugin's errors. */
  readonly VoipError: typeof VoipError;
  /** Backend (CGI) request failures. */
  readonly VoipCgiError: typeof VoipCgiError;
  /** Room join failures. */
  readonly VoipJoinError: typeof VoipJoinError;
  /** Other plugin errors. */
  readonly VoipPluginError: typeof VoipPluginError;
}

/** Where a simulated plugin runs: the WeChat client on a phone, or WMPF on an Android device. */
export type SimulatorHost = 'wechat' | 'wmpf';

/**
 * The simulator's own controls: what a person, the Android app or a test does around the plugin. Not in the real
 * plugin. `H` narrows the host: `WmpfVoipSimulatorControls<'wmpf'>` has a `wmpf` control, `<'wechat'>` has none.
 */
export interface WmpfVoipSimulatorControls<H extends SimulatorHost = SimulatorHost> {
  /** `'wechat'` or `'wmpf'`. */
  readonly host: H;
  /** The plugin version simulated. */
  readonly pluginVersion: string;
  /** The platform's id of this plugin instance. */
  readonly partyId: string;
  /** `seq` of the last push message received (the testbed compares it with the platform's). */
  readonly lastSeq: number;
  /** Whether the push channel is open. */
  readonly connected: boolean;
  /** The call page, as a person uses it. */
  readonly callPage: CallPageControl;
  /** The Android app around WMPF (only when `host` is `'wmpf'`). */
  readonly wmpf: H extends 'wmpf' ? WmpfHostControl : undefined;
  /** Every event delivered to `onVoipEvent` listeners, in order. */
  readonly events: readonly VoipEvent[];
  /** Phone reminders of incoming calls received (WeChat host). */
  readonly reminders: readonly IncomingReminder[];
  /** Calls `listener` for each phone reminder; returns the unsubscribe function. */
  onReminder(listener: (reminder: IncomingReminder) => void): () => void;
  /** The UI configuration last set with `setUIConfig` (after version rules). */
  readonly uiConfig: Partial<SetUIConfigRequest> | null;
  /** The custom button label. */
  readonly customBtnText: string | null;
  /** The end pages set with `setVoipEndPagePath`, by key. */
  readonly endPagePaths: ReadonlyMap<'Call' | 'BindContact', { readonly url: string; readonly options: string | undefined; readonly routeType: string }>;
  /** `requirePlugin` for sample code: `requirePlugin('wmpf-voip').default` is this plugin. */
  requirePlugin(name: string): WmpfVoipModule;
  /** Resolves once nothing the plugin started is waiting for the platform. */
  idle(): Promise<void>;
  /** Disconnects from the platform. */
  close(): Promise<void>;
  /** The simulator behind the controls (for the fake `wx` and the testbed). */
  readonly internals: PluginSimulator;
}

/**
 * The simulated plugin: the whole surface of `requirePlugin('wmpf-voip').default` (missing the exports the configured
 * version lacks), the `VoipError` classes, and `simulator`, the controls the real plugin does not have. `H` narrows
 * the host (`SimulatedWmpfVoip<'wmpf'>` from a `host: 'wmpf'` simulator has `simulator.wmpf` defined).
 */
export type SimulatedWmpfVoip<H extends SimulatorHost = SimulatorHost> = WmpfVoip & Partial<VoipErrorClasses> & { readonly simulator: WmpfVoipSimulatorControls<H> };

function callPageControl(page: CallPage): CallPageControl {
  return {
    get state() {
      return page.pageState;
    },
    get navigations() {
      return page.navigations;
    },
    get endPageOutcomes() {
      return page.endPageOutcomes;
    },
    navigate: (url, method = 'navigateTo') => page.navigate(url, method),
    openReminder: (roomId) => page.openReminder(roomId),
    answer: (options) => page.answer(options),
    reject: () => page.reject(),
    hangUp: () => page.hangUp(),
    leave: () => page.leave(),
    tapCustomButton: () => page.tapCustomButton(),
    closeCustomBox: () => page.closeCustomBox(),
    closeSummary: () => page.closeSummary(),
    appShow: () => page.appShow(),
    appHide: () => page.appHide(),
    interrupt: (errMsg) => page.interrupt(errMsg),
    failJoin: (errCode) => page.failJoin(errCode),
  };
}

function wmpfControl(host: WmpfHost): WmpfHostControl {
  return {
    get pushes() {
      return host.pushes;
    },
    onPush: (listener) => host.onPush(listener),
    launch: (path) => host.launch(path),
    getPushToken: () => host.getPushToken(),
    getDeviceToken: () => host.getDeviceToken(),
  };
}

/** Builds the plugin object of a connected simulator. */
function pluginSurface(sim: PluginSimulator): SimulatedWmpfVoip {
  const { gate } = sim;
  const api = sim.api;
  const faceRejecting = (name: string, schema: { safeParse(value: unknown): unknown }, wechatOnly: boolean) => (req: unknown) =>
    sim.track(async () => {
      const error = api.facePay(name, schema, req, wechatOnly);
      if (error) throw api.raise(error);
    });
  const faceThrowing = (name: string, schema: { safeParse(value: unknown): unknown }) => (req: unknown) => {
    const error = api.facePay(name, schema, req, true);
    if (error) throw api.raise(error);
  };
  const surface: Record<string, unknown> = {
    initByCaller: (req: unknown) => api.initByCaller(req),
    forceHangUpVoip: (roomId?: unknown) => api.forceHangUpVoip(roomId),
    onVoipEvent: (listener: unknown) => api.onVoipEvent(listener),
    setUIConfig: (config: unknown) => api.setUIConfig(config),
    setCustomBtnText: (btnText: unknown) => api.setCustomBtnText(btnText),
    setVoipEndPagePath: (req: unknown) => api.setVoipEndPagePath(req),
    getPluginEnterOptions: () => api.getPluginEnterOptions(),
    getIotBindContactList: (req: unknown) => api.getIotBindContactList(req),
    bindVoipAdminContact: faceRejecting('bindVoipAdminContact', BindVoipAdminContactRequest, true),
    getBindContactPath: faceRejecting('getBindContactPath', GetBindContactPathRequest, true),
    getVoipBindContactList: faceRejecting('getVoipBindContactList', GetVoipBindContactListRequest, false),
    // Whether these two return promises is undocumented (P §12.17): they fail synchronously here [I].
    deleteVoipBindContact: faceThrowing('deleteVoipBindContact', DeleteVoipBindContactRequest),
    transerAdmin: faceThrowing('transerAdmin', TranserAdminRequest),
  };
  if (gate.has('callWMPF')) surface['callWMPF'] = (req: unknown) => api.callWMPF(req);
  if (gate.has('callDevice')) surface['callDevice'] = (req: unknown) => api.callDevice(req);
  if (gate.has('getPluginOnloadOptions')) surface['getPluginOnloadOptions'] = (): PageQuery => api.getPluginOnloadOptions();
  if (gate.has('CALL_PAGE_PATH')) surface['CALL_PAGE_PATH'] = CALL_PAGE_PATH;
  if (gate.has('behaviour.errorClasses')) Object.assign(surface, { VoipError, VoipCgiError, VoipJoinError, VoipPluginError });
  const plugin = surface as unknown as SimulatedWmpfVoip;
  const controls: WmpfVoipSimulatorControls = {
    host: sim.host,
    pluginVersion: gate.version,
    get partyId() {
      return sim.partyId;
    },
    get lastSeq() {
      return sim.lastSeq;
    },
    get connected() {
      return sim.connected;
    },
    callPage: callPageControl(sim.callPage),
    wmpf: (sim.host === 'wmpf' ? wmpfControl(sim.wmpf) : undefined) as WmpfVoipSimulatorControls['wmpf'],
    get events() {
      return sim.delivery.events;
    },
    get reminders() {
      return sim.incoming.reminders;
    },
    onReminder: (listener) => sim.incoming.onReminder(listener),
    get uiConfig() {
      return sim.state.uiConfig;
    },
    get customBtnText() {
      return sim.state.btnText;
    },
    get endPagePaths() {
      return sim.state.endPages;
    },
    requirePlugin: (name: string) => {
      if (name !== 'wmpf-voip') throw new Error(`[wxvoip] requirePlugin('${name}'): this simulator provides the plugin declared as 'wmpf-voip' only`);
      return { default: plugin };
    },
    idle: () => sim.idle(),
    close: () => sim.close(),
    internals: sim,
  };
  // Non-enumerable, so the plugin's own keys stay exactly the documented exports.
  Object.defineProperty(plugin, 'simulator', { value: controls, enumerable: false });
  return plugin;
}

/**
 * Creates a connected simulator of the wmpf-voip plugin backed by the mock platform: the same surface as
 * `requirePlugin('wmpf-voip').default` with the same behaviour (ADR 0009), plus `simulator` controls for the call page,
 * the WMPF host and tests.
 *
 * @example
 * const wmpfVoip = await createWmpfVoipSimulator({ host: 'wechat', appId: 'wx_demo_app', openId: 'openid-alice' });
 * wmpfVoip.onVoipEvent((event) => console.log(event.eventName));
 * const { roomId } = await wmpfVoip.callDevice({ roomType: 'video', sn: 'SN-LINUX-0001', modelId: 'model-linux-doorbell' });
 * await wmpfVoip.simulator.callPage.navigate(wmpfVoip.CALL_PAGE_PATH, 'redirectTo');
 */
export async function createWmpfVoipSimulator(options: WechatSimulatorOptions): Promise<SimulatedWmpfVoip<'wechat'>>;
export async function createWmpfVoipSimulator(options: WmpfSimulatorOptions): Promise<SimulatedWmpfVoip<'wmpf'>>;
export async function createWmpfVoipSimulator(options: WmpfVoipSimulatorOptions): Promise<SimulatedWmpfVoip>;
export async function createWmpfVoipSimulator(options: WmpfVoipSimulatorOptions): Promise<SimulatedWmpfVoip> {
  const sim = new PluginSimulator(options);
  await sim.connect();
  return pluginSurface(sim);
}
