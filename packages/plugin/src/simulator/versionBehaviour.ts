import { isAvailableIn, PLUGIN_FEATURES, type PluginFeatureKey } from '@wxvoip/contracts';

/** How the simulator plays one entry of the plugin version table for an older configured version. */
export interface SimulatedBehaviour {
  /** Whether the simulator reproduces the older behaviour. */
  readonly simulated: boolean;
  /** What the simulator does when the configured plugin is older than the feature. */
  readonly whenOlder: string;
}

/**
 * What the simulator does with every entry of the contracts' `PLUGIN_FEATURES` when the configured plugin version is
 * older (P §11): the README's version table is generated from the same words. Entries without a version number
 * exist in every version and need no older behaviour.
 */
export const SIMULATED_VERSION_BEHAVIOUR = {
  initByCaller: { simulated: true, whenOlder: 'exists in every version' },
  callWMPF: { simulated: true, whenOlder: 'absent from the plugin object (calling it is a TypeError, as on a real old plugin)' },
  callDevice: { simulated: true, whenOlder: 'absent from the plugin object' },
  forceHangUpVoip: { simulated: true, whenOlder: 'exists in every version' },
  onVoipEvent: { simulated: true, whenOlder: 'exists in every version' },
  setUIConfig: { simulated: true, whenOlder: 'exists in every version' },
  setCustomBtnText: { simulated: true, whenOlder: 'exists in every version' },
  setVoipEndPagePath: { simulated: true, whenOlder: 'exists in every version' },
  getPluginEnterOptions: { simulated: true, whenOlder: 'exists in every version' },
  getPluginOnloadOptions: { simulated: true, whenOlder: 'absent from the plugin object' },
  getIotBindContactList: { simulated: true, whenOlder: 'exists in every version' },
  CALL_PAGE_PATH: { simulated: true, whenOlder: 'absent from the plugin object; navigate to the literal path (exported by this package as CALL_PAGE_PATH)' },
  bindVoipAdminContact: { simulated: true, whenOlder: 'exists in every version (minimum version undocumented)' },
  getBindContactPath: { simulated: true, whenOlder: 'exists in every version (minimum version undocumented)' },
  getVoipBindContactList: { simulated: true, whenOlder: 'exists in every version (minimum version undocumented)' },
  deleteVoipBindContact: { simulated: true, whenOlder: 'exists in every version (minimum version undocumented)' },
  transerAdmin: { simulated: true, whenOlder: 'exists in every version (minimum version undocumented)' },
  'initByCaller.timeLimit': { simulated: true, whenOlder: 'dropped before the request: the call has no talk-time cap' },
  'initByCaller.businessType.3': { simulated: true, whenOlder: 'thrown as 1004 (invalid arguments) [I: how it fails is undocumented]' },
  'initByCaller.voipToken.omitForWmpfDevice': { simulated: true, whenOlder: 'businessType 1 without voipToken is thrown as 1001 even on a WMPF-registered device' },
  'initByCaller.miniprogramState.releaseCallsReleaseOnly': { simulated: true, whenOlder: 'miniprogramState is sent as given; from 2.1.8 a release build sends formal' },
  'initByCaller.result.groupId': { simulated: true, whenOlder: 'present in every version' },
  'initByCaller.result.roomId': { simulated: true, whenOlder: 'absent from the result (groupId only)' },
  'initByCaller.result.chargeType': { simulated: true, whenOlder: 'absent from the result' },
  'initByCaller.result.errObj': { simulated: true, whenOlder: 'absent from an isSuccess: false result' },
  'callWMPF.deviceName': { simulated: true, whenOlder: 'dropped before the request' },
  'callWMPF.authorizationNotRequired': { simulated: true, whenOlder: 'the platform (told the plugin version) refuses with 9 when the user has not authorized the device' },
  'callDevice.deviceName': { simulated: true, whenOlder: 'dropped before the request' },
  'callDevice.authorizationNotRequired': { simulated: true, whenOlder: 'the platform (told the plugin version) refuses with 9 when the user has not authorized the device' },
  'callDevice.isCloud': { simulated: true, whenOlder: 'forced to false before the request: no cloud callback' },
  'callDevice.payload': { simulated: true, whenOlder: 'dropped before the request' },
  'callDevice.encodeVideoFixedLength': { simulated: true, whenOlder: 'reset to 0 (unset) before the request' },
  'callDevice.encodeVideoRotation': { simulated: true, whenOlder: 'reset to 0 (unset) before the request' },
  'callDevice.encodeVideoRatio': { simulated: true, whenOlder: 'reset to 0 (unset) before the request' },
  'callDevice.encodeVideoMaxFPS': { simulated: true, whenOlder: 'reset to 0 (unset) before the request' },
  'forceHangUpVoip.roomId': { simulated: true, whenOlder: 'the roomId argument is ignored: whatever call is in progress ends' },
  'onVoipEvent.unsubscribe': { simulated: true, whenOlder: 'the returned function does nothing: the listener keeps receiving events' },
  'onVoipEvent.roomId': { simulated: true, whenOlder: 'events carry groupId only' },
  'onVoipEvent.finishVoip': { simulated: true, whenOlder: 'finishVoip is not delivered' },
  'setUIConfig.handsFree': { simulated: true, whenOlder: 'dropped from the recorded UI config' },
  'setUIConfig.isSelfWindowMax': { simulated: true, whenOlder: 'dropped from the recorded UI config' },
  'setUIConfig.customBoxHeight': { simulated: true, whenOlder: 'dropped from the recorded UI config' },
  'setUIConfig.callerUI.objectFit': { simulated: true, whenOlder: 'dropped from the recorded UI config' },
  'setUIConfig.listenerUI.objectFit': { simulated: true, whenOlder: 'dropped from the recorded UI config' },
  'setVoipEndPagePath.routeType': { simulated: true, whenOlder: "ignored: the end page is opened with 'redirectTo'" },
  'behaviour.backgroundDoesNotReject': { simulated: true, whenOlder: 'callPage.appHide() while a listener call rings rejects it (rejectVoip{manual}, endVoip) [I: status undocumented]' },
  'behaviour.endPageSkipsDeviceDetail': { simulated: true, whenOlder: 'on WMPF the call-detail screen shows first; callPage.closeSummary() then opens the end page' },
  'behaviour.tapToHideControls': { simulated: false, whenOlder: 'UI only, not modelled' },
  'behaviour.callPageSharingDisabled': { simulated: false, whenOlder: 'UI only, not modelled' },
  'behaviour.errorClasses': { simulated: true, whenOlder: 'errors are plain Error objects with errCode and errMsg; the classes are absent from the plugin object' },
  'behaviour.quickHangUpFix': { simulated: false, whenOlder: 'the bug is not reproduced' },
  'component.camera-device': { simulated: false, whenOlder: 'a UI component, not a JS export: nothing to simulate' },
} as const satisfies Record<PluginFeatureKey, SimulatedBehaviour>;

/** Which features one plugin version has. */
export class VersionGate {
  constructor(readonly version: string) {
    // Throws a RangeError naming the value for a malformed version.
    isAvailableIn('initByCaller', version);
  }

  /** Whether the configured plugin has `feature`. */
  has(feature: PluginFeatureKey): boolean {
    return isAvailableIn(feature, this.version);
  }

  /** The minimum version of a feature, for messages. */
  since(feature: PluginFeatureKey): string {
    return PLUGIN_FEATURES[feature].since ?? 'an undocumented version';
  }
}
