import { CALL_PAGE_PATH, findError, type PageQuery, type VoipEvent } from '@wxvoip/contracts';
import type { CallPageNavigation, CallPageState, EndPageOutcome } from './callPageControl.js';
import { CLOSED_PAGE, isCallPageUrl, parseQueryString, type CallRecord, type CallState } from './callState.js';
import type { IncomingCalls } from './incomingCalls.js';
import type { PlatformLink } from './platformLink.js';

/**
 * The plugin's call page as a person uses it (P §3.4, §9, §13): navigations and launches that open it, the buttons,
 * the app going to the background, local failures, and where the page goes when a call ends (P §5.5). Actions go to
 * the platform through the link; the events they cause come back over the push channel.
 */
export class CallPage {
  private readonly navigationLog: CallPageNavigation[] = [];
  private readonly endPageLog: EndPageOutcome[] = [];

  constructor(
    private readonly state: CallState,
    private readonly link: PlatformLink,
    private readonly incoming: IncomingCalls,
    private readonly emit: (event: VoipEvent) => void,
  ) {}

  /** A snapshot of the call page. */
  get pageState(): CallPageState {
    const { call: current, page, lastSide } = this.state;
    const call = current !== undefined && current.roomId === page.roomId ? current : undefined;
    const ended = page.roomId !== null && call === undefined;
    return {
      open: page.open,
      roomId: page.roomId,
      side: call?.side ?? (ended ? lastSide : null),
      phase: call?.phase ?? (ended ? 'ended' : null),
      summary: page.summary,
      customBoxOpen: page.customBoxOpen,
      customButtonShown: this.customButtonShown(),
      query: { ...page.query },
      uiConfig: call?.uiConfig ?? null,
    };
  }

  /** Every navigation to the call page (the newest `historyLimit`). */
  get navigations(): readonly CallPageNavigation[] {
    return this.navigationLog;
  }

  /** Every end-page outcome (the newest `historyLimit`). */
  get endPageOutcomes(): readonly EndPageOutcome[] {
    return this.endPageLog;
  }

  /** Opens the call page (a `wx` navigation). */
  navigate(url: string, method: 'navigateTo' | 'redirectTo' | 'reLaunch'): Promise<void> {
    return this.link.track(async () => {
      if (!isCallPageUrl(url)) {
        throw new TypeError(`[wxvoip] ${url} is not the plugin call page: navigate to CALL_PAGE_PATH (${CALL_PAGE_PATH}), optionally with a query`);
      }
      const query = parseQueryString(url.slice(CALL_PAGE_PATH.length + 1));
      const incoming = query['groupId'] === undefined ? undefined : this.state.incoming.get(query['groupId']);
      await this.openPage(url, method, query);
      if (incoming && query['groupId'] !== undefined) this.bindIncoming(query['groupId']);
      else this.bindCallerCall();
      this.emit({ eventName: 'callPageOnShow' });
    });
  }

  /** The person taps the phone reminder of `roomId` (default: the newest one still ringing). */
  openReminder(roomId?: string): Promise<void> {
    return this.link.track(async () => {
      if (this.state.host !== 'wechat') throw new Error('[wxvoip] openReminder is the phone reminder: on a WMPF device launch the push path with simulator.wmpf.launch(path)');
      const target = roomId ?? this.incoming.pendingReminder()?.roomId;
      const record = target === undefined ? undefined : this.state.incoming.get(target);
      if (target === undefined || record === undefined) throw new Error('[wxvoip] no incoming-call reminder to open: nobody called this user (or the call went to another openId)');
      await this.launchInto(target, record.query, 'reminder');
    });
  }

  /** Taps "answer". */
  answer(options: { cameraStatus?: 0 | 1 } = {}): Promise<void> {
    return this.link.track(async () => {
      const { call, page } = this.state;
      if (this.state.host === 'wechat' && (call?.side !== 'listener' || page.roomId !== call.roomId)) {
        const pending = this.incoming.pendingReminder();
        if (pending) await this.launchInto(pending.roomId, this.state.incoming.get(pending.roomId)?.query ?? {}, 'reminder');
      }
      await this.answerCall({ autoAnswered: false, ...options });
    });
  }

  /** Taps "reject". */
  reject(): Promise<void> {
    return this.link.track(async () => {
      const call = this.requireCall('reject', (c) => c.side === 'listener' && c.phase === 'ringing', 'a ringing incoming call on the call page');
      await this.link.party.request('rejectRoom', { params: { roomId: call.roomId }, body: { origin: 'manual' } });
    });
  }

  /** Taps "hang up". */
  hangUp(): Promise<void> {
    return this.link.track(async () => {
      const call = this.requireCall('hangUp', () => true, 'a call on the call page');
      await this.link.party.request('hangUpRoom', { params: { roomId: call.roomId }, body: { origin: 'manual' } });
    });
  }

  /** Leaves the call page. */
  leave(): Promise<void> {
    return this.link.track(async () => {
      if (!this.state.page.open) return;
      const call = this.state.pageCall();
      this.state.page = { ...CLOSED_PAGE };
      if (call) await this.link.party.request('hangUpRoom', { params: { roomId: call.roomId }, body: { origin: 'unloadCallPage' } });
    });
  }

  /** Taps the custom button. */
  tapCustomButton(): void {
    const call = this.state.pageCall();
    if (!call || !this.customButtonShown()) {
      throw new Error(
        '[wxvoip] the custom button is not shown: it appears only on a WeChat-client listener, after the call started (talking), once setCustomBtnText (or setUIConfig btnText) gave it a label (P §5.4)',
      );
    }
    if (this.state.page.customBoxOpen) return;
    this.state.page.customBoxOpen = true;
    this.emit({ eventName: 'showCustomBox', roomId: call.roomId, groupId: call.roomId, data: { callerId: call.callerId, listenerId: call.listenerId } });
  }

  /** Closes the custom panel. */
  closeCustomBox(): void {
    const call = this.state.pageCall();
    if (!this.state.page.customBoxOpen || !call) return;
    this.state.page.customBoxOpen = false;
    this.emit({ eventName: 'hideCustomBox', roomId: call.roomId, groupId: call.roomId, data: { callerId: call.callerId, listenerId: call.listenerId } });
  }

  /** Taps "close" on the summary / call record. */
  closeSummary(): void {
    const page = this.state.page;
    if (!page.summary || page.roomId === null) throw new Error('[wxvoip] there is no call summary to close: the call page shows no ended call');
    this.leaveForEndPage(page.roomId);
  }

  /** The app returns to the foreground. */
  appShow(): void {
    if (this.state.page.open) this.emit({ eventName: 'callPageOnShow' });
  }

  /** The app goes to the background. */
  appHide(): Promise<void> {
    return this.link.track(async () => {
      const call = this.state.pageCall();
      if (call && call.side === 'listener' && call.phase === 'ringing' && !this.state.gate.has('behaviour.backgroundDoesNotReject')) {
        await this.link.party.request('rejectRoom', { params: { roomId: call.roomId }, body: { origin: 'manual' } });
      }
    });
  }

  /** This side fails locally. */
  interrupt(errMsg = 'call interrupted due to native reason'): Promise<void> {
    return this.link.track(async () => {
      const call = this.requireCall('interrupt', () => true, 'a call');
      await this.link.party.request('abortRoom', { params: { roomId: call.roomId }, body: { errMsg } });
    });
  }

  /** This side fails to join. */
  failJoin(errCode = 2000): Promise<void> {
    return this.link.track(async () => {
      const entry = findError('plugin', errCode);
      if (!entry || errCode < 2000) throw new RangeError(`[wxvoip] ${errCode} is not a join error code: use one of 2000–2010, 2100, 2102–2104 (P §6.3)`);
      const call = this.requireCall('failJoin', (c) => c.phase !== 'talking', 'a call that has not connected yet');
      await this.link.party.request('abortRoom', { params: { roomId: call.roomId }, body: { errMsg: entry.message, errCode, joinFailed: true } });
    });
  }

  /**
   * A call this instance placed becomes its current call, before any push produced with the answer is handed over
   * (the party client's `adopt`, ADR 0026).
   */
  adoptCall(roomId: string, callerId: string, listenerId: string): void {
    const state = this.state;
    state.rememberRoom(roomId);
    state.call = { roomId, side: 'caller', phase: 'created', joinRequested: false, callerId, listenerId, uiConfig: state.uiConfig };
    state.lastSide = 'caller';
  }

  /** Once the placing request resolved (its pushes handed over): a call page already open joins the new call at once. */
  joinIfShown(): void {
    const page = this.state.page;
    if (page.open && (page.roomId === null || page.summary)) this.bindCallerCall();
  }

  /** Opens the call page for an incoming call (reminder tap or WMPF launch). */
  async launchInto(roomId: string, query: PageQuery, method: 'reminder' | 'launchMiniProgram'): Promise<void> {
    const url = `${CALL_PAGE_PATH}?${Object.entries(query).map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&')}`;
    if (!this.state.running) {
      this.state.enterOptions = { path: CALL_PAGE_PATH.replace(/^plugin-private:\/\/[^/]+\//, ''), query: { ...query }, scene: 1001 };
      this.state.running = true;
    }
    await this.openPage(url, method, query);
    this.bindIncoming(roomId);
    this.emit({ eventName: 'callPageOnShow' });
  }

  /** The listener answers the call the page shows. */
  async answerCall(body: { autoAnswered: boolean; cameraStatus?: 0 | 1 }): Promise<void> {
    const call = this.requireCall('answer', (c) => c.side === 'listener' && c.phase === 'ringing', 'a ringing incoming call on the call page');
    call.joinRequested = true;
    const result = await this.link.party.request('answerRoom', { params: { roomId: call.roomId }, body });
    if (result.ok && call.phase === 'joining' && result.data.room.state === 'connecting') call.phase = 'waiting';
  }

  /** The current call got its `endVoip`: the page shows the summary, and on WMPF may move on to the end page. */
  onCallEnded(call: CallRecord): void {
    const state = this.state;
    if (state.call === call) state.call = undefined;
    if (!state.page.open || state.page.roomId !== call.roomId) return;
    state.page.summary = true;
    state.page.customBoxOpen = false;
    if (state.host === 'wmpf') {
      if (!state.endPages.has('Call')) state.record(this.endPageLog, { kind: 'stayedOnCallRecordPage', roomId: call.roomId });
      else if (state.gate.has('behaviour.endPageSkipsDeviceDetail')) this.leaveForEndPage(call.roomId);
    }
  }

  /** Opens a new call page instance; an instance already showing a call unloads first (the documented mistake). */
  private async openPage(url: string, method: CallPageNavigation['method'], query: PageQuery): Promise<void> {
    const interrupted = this.state.page.open ? this.state.pageCall() : undefined;
    this.state.record(this.navigationLog, { url, method, interruptedRoomId: interrupted?.roomId ?? null });
    this.state.page = { open: true, roomId: null, summary: false, customBoxOpen: false, query };
    this.state.onloadOptions = query;
    if (interrupted) {
      interrupted.joinRequested = true;
      await this.link.party.request('hangUpRoom', { params: { roomId: interrupted.roomId }, body: { origin: 'unloadCallPage' } });
    }
  }

  /** Binds the open page to the caller's call and joins it (P §9.2). */
  private bindCallerCall(): void {
    const call = this.state.call;
    if (!call || call.side !== 'caller' || call.phase === 'ended' || call.joinRequested) return;
    this.state.page.roomId = call.roomId;
    this.state.page.summary = false;
    call.joinRequested = true;
    void this.link.track(() => this.link.party.request('joinRoomAsCaller', { params: { roomId: call.roomId } }));
  }

  private bindIncoming(roomId: string): void {
    const state = this.state;
    const record = state.incoming.get(roomId);
    state.page.roomId = roomId;
    state.rememberRoom(roomId);
    if (!record || record.ended) {
      // A late answer: the call already ended, so the page ends at once (P §9.4).
      state.page.summary = true;
      return;
    }
    if (state.call?.roomId !== roomId) {
      state.call = { roomId, side: 'listener', phase: 'ringing', joinRequested: false, callerId: record.callerId, listenerId: record.listenerId, uiConfig: state.uiConfig };
      state.lastSide = 'listener';
    }
  }

  private requireCall(action: string, ok: (call: CallRecord) => boolean, what: string): CallRecord {
    const { page } = this.state;
    const call = this.state.pageCall() ?? (action === 'interrupt' || action === 'failJoin' ? this.state.call : undefined);
    if (!call || call.phase === 'ended' || !ok(call)) {
      throw new Error(`[wxvoip] callPage.${action}() needs ${what}; the call page shows ${page.open ? (page.summary ? 'an ended call' : 'no such call') : 'nothing (it is not open)'}`);
    }
    return call;
  }

  private customButtonShown(): boolean {
    const call = this.state.pageCall();
    return this.state.host === 'wechat' && call?.side === 'listener' && call.phase === 'talking' && this.state.btnText !== null && this.state.btnText !== '';
  }

  /** The call page navigates away after a call: to the `Call` end page, closing the mini program, or staying. */
  private leaveForEndPage(roomId: string): void {
    const state = this.state;
    const endPage = state.endPages.get('Call');
    if (endPage) {
      state.record(this.endPageLog, { kind: 'navigated', roomId, url: endPage.options === undefined ? endPage.url : `${endPage.url}?${endPage.options}`, routeType: endPage.routeType });
      state.page = { ...CLOSED_PAGE };
    } else if (state.host === 'wechat') {
      state.record(this.endPageLog, { kind: 'miniProgramClosed', roomId });
      state.page = { ...CLOSED_PAGE };
      state.running = false;
    }
  }
}
