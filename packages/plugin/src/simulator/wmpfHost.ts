import { parseWmpfCallPagePath, type DeviceTokenData, type PageQuery, type PushTokenData } from '@wxvoip/contracts';
import type { PartyResult } from '@wxvoip/party-client';
import type { CallPage } from './callPage.js';
import { parseQueryString, type CallState } from './callState.js';
import type { IncomingCalls } from './incomingCalls.js';
import type { PlatformLink } from './platformLink.js';
import { voipErrorOf } from './pluginErrors.js';
import type { WmpfHostControl } from './wmpfHostControl.js';

/**
 * The Android app around WMPF (P §9.1, D §3.3): it receives push messages, launches their path into the call page
 * (answering at once with `isClickedHangOnBtn=1`), and fetches the device's tokens.
 */
export class WmpfHost implements WmpfHostControl {
  constructor(
    private readonly state: CallState,
    private readonly link: PlatformLink,
    private readonly incoming: IncomingCalls,
    private readonly callPage: CallPage,
  ) {}

  /** WMPF pushes received. */
  get pushes(): WmpfHostControl['pushes'] {
    return this.incoming.pushes;
  }

  /** Registers a push listener. */
  onPush(listener: Parameters<WmpfHostControl['onPush']>[0]): () => void {
    return this.incoming.onPush(listener);
  }

  /** The WMPF app launches the push path (P §9.1). */
  launch(path: string): Promise<void> {
    return this.link.track(async () => {
      const state = this.state;
      if (state.host !== 'wmpf') throw new Error('[wxvoip] launch(path) is the WMPF app launching a push path: on the phone use callPage.openReminder()');
      const parsed = parseWmpfCallPagePath(path);
      const query: PageQuery = { roomType: parsed.roomType, groupId: parsed.groupId, listenerId: parsed.listenerId, callerName: parsed.callerName, ...parseQueryString(parsed.customQuery) };
      if (parsed.isClickedHangOnBtn) query['isClickedHangOnBtn'] = '1';
      if (!state.incoming.has(parsed.groupId)) state.rememberIncoming(parsed.groupId, { via: 'wmpfPush', ended: false, callerId: '', listenerId: parsed.listenerId, query });
      await this.callPage.launchInto(parsed.groupId, query, 'launchMiniProgram');
      if (parsed.isClickedHangOnBtn && state.call?.roomId === parsed.groupId && state.call.phase === 'ringing') {
        await this.callPage.answerCall({ autoAnswered: true });
      }
    });
  }

  /** WMPF getPushToken. */
  getPushToken(): Promise<PushTokenData> {
    return this.link.track(async () => this.unwrap('getPushToken', await this.link.party.request('wmpfGetPushToken', {})));
  }

  /** Device-auth SDK getDeviceToken. */
  getDeviceToken(): Promise<DeviceTokenData> {
    return this.link.track(async () => this.unwrap('getDeviceToken', await this.link.party.request('wmpfGetDeviceToken', {})));
  }

  private unwrap<T>(api: string, result: PartyResult<T>): T {
    if (result.ok) return result.data;
    throw this.state.raise(voipErrorOf(api, result.failure));
  }
}
