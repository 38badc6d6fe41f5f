import {
  CALL_PAGE_PATH,
  LATEST_PLUGIN_VERSION,
  type EnvVersion,
  type PageQuery,
  type PluginEnterOptions,
  type RegistrationMode,
  type RouteType,
  type SetUIConfigRequest,
  type VoipError,
} from '@wxvoip/contracts';
import { DEFAULT_HISTORY_LIMIT, forgetOldest, pushBounded } from './boundedHistory.js';
import type { CallPhase, CallSide } from './callPageControl.js';
import { legacyError } from './pluginErrors.js';
import { DEFAULT_ENTER_OPTIONS, type WmpfVoipSimulatorOptions } from './simulatorOptions.js';
import { VersionGate } from './versionBehaviour.js';

/** An end page set with `setVoipEndPagePath`, after version rules. */
export interface EndPage {
  /** The page path. */
  readonly url: string;
  /** Its query string, if any. */
  readonly options: string | undefined;
  /** How the plugin opens it. */
  readonly routeType: RouteType;
}

/** The plugin's current call. */
export interface CallRecord {
  /** The call's roomId. */
  readonly roomId: string;
  /** This instance's side. */
  readonly side: CallSide;
  /** Where the call stands. */
  phase: CallPhase;
  /** Whether this side already asked the platform to join (or left). */
  joinRequested: boolean;
  /** The caller's id. */
  readonly callerId: string;
  /** The listener's id. */
  readonly listenerId: string;
  /** The UI configuration the call started with. */
  readonly uiConfig: Partial<SetUIConfigRequest> | null;
}

/** The call page instance. */
export interface PageRecord {
  /** Whether an instance is open. */
  open: boolean;
  /** The call it shows. */
  roomId: string | null;
  /** Whether it shows the summary of an ended call. */
  summary: boolean;
  /** Whether the custom panel is open. */
  customBoxOpen: boolean;
  /** Its `onLoad` query. */
  query: PageQuery;
}

/** An incoming call this instance heard of (phone reminder or WMPF push). */
export interface IncomingCall {
  /** How it arrived. */
  readonly via: 'wechatReminder' | 'wmpfPush';
  /** Whether its `endVoip` was seen. */
  ended: boolean;
  /** The caller's id (empty when the push does not say). */
  readonly callerId: string;
  /** The listener's id. */
  readonly listenerId: string;
  /** The query the call page opens with. */
  readonly query: PageQuery;
}

/** No call page instance. */
export const CLOSED_PAGE: Readonly<PageRecord> = { open: false, roomId: null, summary: false, customBoxOpen: false, query: {} };

/** `a=1&b=2` → `{ a: '1', b: '2' }`. */
export function parseQueryString(text: string): PageQuery {
  const query: PageQuery = {};
  for (const part of text.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const key = eq < 0 ? part : part.slice(0, eq);
    const value = eq < 0 ? '' : part.slice(eq + 1);
    try {
      query[decodeURIComponent(key)] = decodeURIComponent(value);
    } catch {
      query[key] = value;
    }
  }
  return query;
}

/** Whether a URL is the plugin call page (with or without a query). */
export function isCallPageUrl(url: string): boolean {
  return url === CALL_PAGE_PATH || url.startsWith(`${CALL_PAGE_PATH}?`);
}

/**
 * The one state the parts of the plugin simulator share (ADR 0009): who this instance is, its version gate, the call
 * in progress, the call page, incoming calls, what the mini program configured, and the bounded histories.
 */
export class CallState {
  /** Where the plugin runs. */
  readonly host: 'wechat' | 'wmpf';
  /** What the configured plugin version has. */
  readonly gate: VersionGate;
  /** The build the mini program runs as. */
  readonly envVersion: EnvVersion;
  /** How the WMPF device registered (WMPF host only). */
  readonly registrationMode: RegistrationMode | undefined;
  /** Entries each history and remembered set keeps. */
  readonly historyLimit: number;
  /** The call in progress (until its `endVoip`). */
  call: CallRecord | undefined;
  /** Whether a call-placing request is waiting for its answer. */
  placing = false;
  /** The call page instance. */
  page: PageRecord = { ...CLOSED_PAGE };
  /** The side of the last call the page showed (for the summary). */
  lastSide: CallSide | null = null;
  /** Incoming calls heard of, by roomId (bounded). */
  readonly incoming = new Map<string, IncomingCall>();
  /** Rooms of this instance whose events are delivered (bounded). */
  readonly knownRooms = new Set<string>();
  /** The UI configuration set with `setUIConfig`. */
  uiConfig: Partial<SetUIConfigRequest> | null = null;
  /** The custom button label. */
  btnText: string | null = null;
  /** End pages set with `setVoipEndPagePath`. */
  readonly endPages = new Map<'Call' | 'BindContact', EndPage>();
  /** What `getPluginEnterOptions()` returns. */
  enterOptions: PluginEnterOptions;
  /** What `getPluginOnloadOptions()` returns. */
  onloadOptions: PageQuery = {};
  /** Whether the mini program is running. */
  running: boolean;

  constructor(options: WmpfVoipSimulatorOptions) {
    this.historyLimit = options.historyLimit ?? DEFAULT_HISTORY_LIMIT;
    if (!Number.isInteger(this.historyLimit) || this.historyLimit < 1) throw new RangeError(`[wxvoip] historyLimit must be a positive integer, got ${String(options.historyLimit)}`);
    this.host = options.host;
    this.gate = new VersionGate(options.pluginVersion ?? LATEST_PLUGIN_VERSION);
    this.envVersion = options.envVersion ?? 'release';
    this.registrationMode = options.host === 'wmpf' ? (options.registrationMode ?? 'wmpf') : undefined;
    this.enterOptions = options.enterOptions ?? DEFAULT_ENTER_OPTIONS;
    this.running = options.running ?? true;
  }

  /** The active call the open page shows. */
  pageCall(): CallRecord | undefined {
    return this.page.open && this.call !== undefined && this.call.roomId === this.page.roomId && this.call.phase !== 'ended' ? this.call : undefined;
  }

  /** Remembers a room of this instance (the oldest are forgotten past the history limit). */
  rememberRoom(roomId: string): void {
    this.knownRooms.add(roomId);
    forgetOldest(this.knownRooms, this.historyLimit);
  }

  /** Records an incoming call (the oldest are forgotten past the history limit). */
  rememberIncoming(roomId: string, call: IncomingCall): void {
    this.incoming.set(roomId, call);
    forgetOldest(this.incoming, this.historyLimit);
  }

  /** Appends to one of the histories, keeping the newest `historyLimit` entries. */
  record<T>(history: T[], entry: T): void {
    pushBounded(history, entry, this.historyLimit);
  }

  /** What a plugin of this version throws for `error`: the `VoipError`, or a plain error before 2.4.0. */
  raise(error: VoipError): Error {
    return this.gate.has('behaviour.errorClasses') ? error : legacyError(error);
  }
}
