import type { PageQuery, RouteType, SetUIConfigRequest } from '@wxvoip/contracts';

/** Which end of the call this plugin instance is on. */
export type CallSide = 'caller' | 'listener';

/**
 * Where the plugin's current call stands, as its call page shows it (P §13.2, §13.3): `created` (room made, caller
 * not joined yet), `ringing` (listener alerted, not answered), `joining` (listener answered), `waiting` (caller in
 * the room waiting for an answer, or listener waiting for the caller), `talking`, `ended`.
 */
export type CallPhase = 'created' | 'ringing' | 'joining' | 'waiting' | 'talking' | 'ended';

/** What the call page is showing right now. */
export interface CallPageState {
  /** Whether a call page instance is open (in the page stack). */
  readonly open: boolean;
  /** The call the page shows, if any. */
  readonly roomId: string | null;
  /** This instance's side of that call. */
  readonly side: CallSide | null;
  /** The call's phase. */
  readonly phase: CallPhase | null;
  /** The call ended and the page shows its summary (phone) or call record (WMPF). */
  readonly summary: boolean;
  /** The custom button's half-screen panel is open. */
  readonly customBoxOpen: boolean;
  /** Whether the custom button is shown (WeChat-client listener, call started, label set; P §5.4). */
  readonly customButtonShown: boolean;
  /** The page's `onLoad` query. */
  readonly query: PageQuery;
  /** The UI configuration the current call started with (`setUIConfig`), if any. */
  readonly uiConfig: Partial<SetUIConfigRequest> | null;
}

/** One navigation to the call page (`wx.navigateTo` / `redirectTo` / `reLaunch`, or a launch). */
export interface CallPageNavigation {
  /** The URL navigated to. */
  readonly url: string;
  /** How: a `wx` navigation method, `'reminder'` (phone reminder tapped) or `'launchMiniProgram'` (WMPF push launched). */
  readonly method: 'navigateTo' | 'redirectTo' | 'reLaunch' | 'reminder' | 'launchMiniProgram';
  /**
   * The documented mistake (P §3.4): the page was already open with a call, so the old instance unloaded and that
   * call ended with `unloadCallPage`. Null when nothing was interrupted.
   */
  readonly interruptedRoomId: string | null;
}

/**
 * Where the plugin went when a call ended (P §5.5): it opened the `setVoipEndPagePath` page (`navigated`), closed
 * the mini program because no end page was set on the phone (`miniProgramClosed`), or stayed on the call-record
 * page on a WMPF device without an end page (`stayedOnCallRecordPage`).
 */
export type EndPageOutcome =
  | { readonly kind: 'navigated'; readonly roomId: string; readonly url: string; readonly routeType: RouteType }
  | { readonly kind: 'miniProgramClosed'; readonly roomId: string }
  | { readonly kind: 'stayedOnCallRecordPage'; readonly roomId: string };

/**
 * The call page as a person uses it: the buttons they tap and the page's lifecycle. Every action returns once the
 * platform has taken it; the events it causes reach `onVoipEvent` listeners as they arrive over the push channel
 * (use the testbed's `settle()` to wait for them). These are simulator-only: the real plugin has no such API.
 *
 * @example
 * await callPage.answer();         // the listener taps "answer"
 * await callPage.hangUp();         // either side taps "hang up"
 * callPage.closeSummary();         // taps "close" on the summary → end page or mini program closed
 */
export interface CallPageControl {
  /** What the page shows now. */
  readonly state: CallPageState;
  /** Every navigation to the call page, in order. */
  readonly navigations: readonly CallPageNavigation[];
  /** Every end-of-call navigation outcome, in order. */
  readonly endPageOutcomes: readonly EndPageOutcome[];
  /**
   * Opens the call page at `url` (`CALL_PAGE_PATH` plus an optional query), as `wx.navigateTo`/`redirectTo`/`reLaunch`
   * do. Navigating while the page already shows a call is the documented mistake: that call ends (`unloadCallPage`).
   */
  navigate(url: string, method?: 'navigateTo' | 'redirectTo' | 'reLaunch'): Promise<void>;
  /** The person taps the phone's incoming-call reminder: the mini program opens on the call page, ringing (P §9.1). */
  openReminder(roomId?: string): Promise<void>;
  /** Taps "answer" (listener). Opens the pending reminder first when the page is not open yet. */
  answer(options?: { cameraStatus?: 0 | 1 }): Promise<void>;
  /** Taps "reject" (listener, before connect). */
  reject(): Promise<void>;
  /** Taps "hang up": the caller cancels before connect, the listener rejects, either hangs up while talking. */
  hangUp(): Promise<void>;
  /** Leaves (unloads) the call page: an active call ends with `unloadCallPage`. */
  leave(): Promise<void>;
  /** Taps the custom button (P §5.4): opens the half-screen panel (`showCustomBox`). */
  tapCustomButton(): void;
  /** Closes the custom panel (`hideCustomBox`). */
  closeCustomBox(): void;
  /** Taps "close" on the summary / call-record page: opens the `Call` end page, or closes the mini program (phone). */
  closeSummary(): void;
  /** The app returns to the foreground: the call page's `onShow` fires `callPageOnShow` again (P §3.4). */
  appShow(): void;
  /** The app goes to the background; plugins before 2.3.2 then reject a ringing listener call (P §9.4). */
  appHide(): Promise<void>;
  /** This side fails locally (network loss, float ball closed, incoming system call): `abortVoip` (P §9.6). */
  interrupt(errMsg?: string): Promise<void>;
  /** This side fails to join the room: `joinFailCaller` / `joinFailListener` with the catalogue message of `errCode` (2000–2104). */
  failJoin(errCode?: number): Promise<void>;
}
