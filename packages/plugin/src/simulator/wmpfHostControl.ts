import type { DeviceTokenData, PushTokenData, WmpfPushMessage } from '@wxvoip/contracts';

/** One WMPF push the device received for an incoming call (P §9.1): the push message and its roomId. */
export interface ReceivedWmpfPush {
  /** The call's roomId (the `groupId` of the path). */
  readonly roomId: string;
  /** The pushToken it was addressed to. */
  readonly pushToken: string;
  /** The push message `{ path, appType, appid }`. */
  readonly message: WmpfPushMessage;
}

/**
 * What the Android app around WMPF does (P §9.1, D §3.3): receive the push message, launch its path (optionally
 * with `&isClickedHangOnBtn=1` to answer at once), and fetch the device's tokens. Simulator-only.
 *
 * @example
 * device.simulator.wmpf.onPush((push) => void device.simulator.wmpf.launch(`${push.message.path}&isClickedHangOnBtn=1`));
 */
export interface WmpfHostControl {
  /** Every WMPF push received, in order. */
  readonly pushes: readonly ReceivedWmpfPush[];
  /** Registers what the app does with a push (`registerPushMsgEventListener`); returns the unsubscribe function. */
  onPush(listener: (push: ReceivedWmpfPush) => void): () => void;
  /**
   * `launchMiniProgram(path)`: opens the call page with the push path's query, ringing; with `isClickedHangOnBtn=1`
   * the plugin answers at once (P §9.1).
   */
  launch(path: string): Promise<void>;
  /** `wmpf.getWmpfPushToken()` / `WMPFDeviceApi.getPushToken`: the token `callWMPF` addresses this device with. */
  getPushToken(): Promise<PushTokenData>;
  /** The device-auth SDK's `getDeviceToken()`: the `voipToken` of businessType 1 calls of an SDK-registered device. */
  getDeviceToken(): Promise<DeviceTokenData>;
}
