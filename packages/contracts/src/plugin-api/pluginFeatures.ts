import { assertPluginVersion, compareVersions } from './pluginVersion.js';

/** What a plugin-feature entry describes. */
export type PluginFeatureKind = 'interface' | 'constant' | 'field' | 'result' | 'event' | 'behaviour' | 'component';

/**
 * Where a feature's minimum version comes from: `'documented'` (a number in the reference),
 * `'inferred'` (a number read from the changelog or a neighbouring fact, [I]), `'beforeChangelog'` (the
 * reference says "(old)": older than the changelog, no number), `'unknown'` (the reference says "?").
 */
export type SinceBasis = 'documented' | 'inferred' | 'beforeChangelog' | 'unknown';

/**
 * What a plugin older than `since` does: `'absent'` (the export / result field / event does not exist),
 * `'ignored'` (the argument is accepted and has no effect, [I] unless the note says otherwise),
 * `'oldBehaviour'` (works differently, see the note), `'broken'` (exists but does not work),
 * `'unsupported'` (not supported; how it fails is undocumented), `'none'` (no older plugin is known).
 */
export type OlderPluginBehaviour = 'absent' | 'ignored' | 'oldBehaviour' | 'broken' | 'unsupported' | 'none';

/** One entry of the plugin version table. */
export interface PluginFeature {
  /** What the entry describes. */
  readonly kind: PluginFeatureKind;
  /** First plugin version with the feature; `null` when the reference gives no number (see `sinceBasis`). */
  readonly since: string | null;
  /** Where `since` comes from. */
  readonly sinceBasis: SinceBasis;
  /** What an older plugin does. */
  readonly olderPlugin: OlderPluginBehaviour;
  /** Details. */
  readonly note: string;
  /** Section of the reference: P = plugin-api.md, D = devices-and-platform.md. */
  readonly source: string;
}

const OLD = { since: null, sinceBasis: 'beforeChangelog', olderPlugin: 'none' } as const;
const UNKNOWN = { since: null, sinceBasis: 'unknown', olderPlugin: 'none' } as const;
const ENCODE_NOTE = 'WeChat video encoding parameter; also needs WeChat ≥ 8.0.54 (D §1.8); version read from the changelog';

/**
 * Minimum plugin version of every interface, field, result field, event and behaviour change, as data
 * (P §2, §3, §4, §5, §11; D §0.2 for `isCloud`). Keys are `interface`, `interface.field`,
 * `interface.result.field`, `behaviour.*` and `component.*`.
 */
export const PLUGIN_FEATURES = {
  initByCaller: { kind: 'interface', ...OLD, note: 'older than 2.1.8', source: 'P §2' },
  callWMPF: { kind: 'interface', since: '2.4.0', sinceBasis: 'documented', olderPlugin: 'absent', note: 'older plugins: initByCaller with businessType 2 (needs user authorization, no license billing)', source: 'P §2, §4.1' },
  callDevice: { kind: 'interface', since: '2.4.0', sinceBasis: 'documented', olderPlugin: 'absent', note: 'calls Linux / RTOS devices', source: 'P §2, §4.2; seeds/callDevice.md' },
  forceHangUpVoip: { kind: 'interface', ...OLD, note: 'the roomId argument came later', source: 'P §2, §5.1' },
  onVoipEvent: { kind: 'interface', ...OLD, note: 'the returned unsubscribe function works from 2.3.10', source: 'P §2, §5.2' },
  setUIConfig: { kind: 'interface', ...OLD, note: 'set before the call starts', source: 'P §2, §5.3' },
  setCustomBtnText: { kind: 'interface', ...OLD, note: 'shown to a WeChat-client listener only', source: 'P §2, §5.4' },
  setVoipEndPagePath: { kind: 'interface', ...OLD, note: 'routeType came later', source: 'P §2, §5.5' },
  getPluginEnterOptions: { kind: 'interface', ...OLD, note: '', source: 'P §2, §5.6' },
  getPluginOnloadOptions: { kind: 'interface', since: '2.2.3', sinceBasis: 'documented', olderPlugin: 'absent', note: '', source: 'P §2, §5.6, §11' },
  getIotBindContactList: { kind: 'interface', ...OLD, note: '', source: 'P §2, §5.7' },
  CALL_PAGE_PATH: { kind: 'constant', since: '2.3.9', sinceBasis: 'documented', olderPlugin: 'absent', note: 'older plugins: use the literal path (this package exports it as CALL_PAGE_PATH)', source: 'P §1, §2' },
  bindVoipAdminContact: { kind: 'interface', ...UNKNOWN, note: 'campus face-pay only; minimum version undocumented', source: 'P §2, §5.8' },
  getBindContactPath: { kind: 'interface', ...UNKNOWN, note: 'campus face-pay only; minimum version undocumented', source: 'P §2, §5.8' },
  getVoipBindContactList: { kind: 'interface', ...UNKNOWN, note: 'campus face-pay only; minimum version undocumented', source: 'P §2, §5.8' },
  deleteVoipBindContact: { kind: 'interface', ...UNKNOWN, note: 'campus face-pay only; minimum version undocumented', source: 'P §2, §5.8' },
  transerAdmin: { kind: 'interface', ...UNKNOWN, note: 'campus face-pay only; minimum version undocumented', source: 'P §2, §5.8' },

  'initByCaller.timeLimit': { kind: 'field', since: '2.3.8', sinceBasis: 'documented', olderPlugin: 'ignored', note: 'older plugins have no talk-time cap', source: 'P §3.1, §11' },
  'initByCaller.businessType.3': { kind: 'field', since: '2.3.8', sinceBasis: 'documented', olderPlugin: 'unsupported', note: 'face-pay with license billing', source: 'P §3.3, §11' },
  'initByCaller.voipToken.omitForWmpfDevice': { kind: 'field', since: '2.3.0', sinceBasis: 'documented', olderPlugin: 'oldBehaviour', note: 'older plugins need a deviceToken voipToken for every businessType 1 device', source: 'P §3.3, §11' },
  'initByCaller.miniprogramState.releaseCallsReleaseOnly': { kind: 'behaviour', since: '2.1.8', sinceBasis: 'documented', olderPlugin: 'oldBehaviour', note: 'from 2.1.8 a release build only calls a release build and miniprogramState is ignored for it', source: 'P §3.1, §11' },
  'initByCaller.result.groupId': { kind: 'result', ...OLD, note: 'legacy alias of roomId', source: 'P §3.2' },
  'initByCaller.result.roomId': { kind: 'result', since: '2.4.0', sinceBasis: 'documented', olderPlugin: 'absent', note: 'older plugins give groupId only', source: 'P §3.2, §12.22' },
  'initByCaller.result.chargeType': { kind: 'result', since: '2.3.8', sinceBasis: 'documented', olderPlugin: 'absent', note: '', source: 'P §3.2, §11' },
  'initByCaller.result.errObj': { kind: 'result', since: '2.4.0', sinceBasis: 'documented', olderPlugin: 'absent', note: 'the VoipError classes came with 2.4.0', source: 'P §3.2, §6.1' },

  'callWMPF.deviceName': { kind: 'field', since: '2.4.1', sinceBasis: 'documented', olderPlugin: 'ignored', note: '', source: 'P §4.1, §11' },
  'callWMPF.authorizationNotRequired': { kind: 'behaviour', since: '2.4.1', sinceBasis: 'documented', olderPlugin: 'oldBehaviour', note: 'in 2.4.0 the user must have authorized the device', source: 'P §4, §8.2' },
  'callDevice.deviceName': { kind: 'field', since: '2.4.1', sinceBasis: 'documented', olderPlugin: 'ignored', note: '', source: 'P §4.2, §11; seeds/callDevice.md' },
  'callDevice.authorizationNotRequired': { kind: 'behaviour', since: '2.4.1', sinceBasis: 'documented', olderPlugin: 'oldBehaviour', note: 'in 2.4.0 the user must have authorized the device', source: 'P §4, §8.2' },
  'callDevice.isCloud': { kind: 'field', since: '2.4.3', sinceBasis: 'documented', olderPlugin: 'ignored', note: 'number from D §0.2 (P §4.2 gives none)', source: 'D §0.2; P §4.2' },
  'callDevice.payload': { kind: 'field', since: '2.4.3', sinceBasis: 'inferred', olderPlugin: 'ignored', note: 'goes with isCloud', source: 'D §0.2; P §4.2' },
  'callDevice.encodeVideoFixedLength': { kind: 'field', since: '2.4.5', sinceBasis: 'inferred', olderPlugin: 'ignored', note: ENCODE_NOTE, source: 'P §4.2, §11' },
  'callDevice.encodeVideoRotation': { kind: 'field', since: '2.4.5', sinceBasis: 'inferred', olderPlugin: 'ignored', note: ENCODE_NOTE, source: 'P §4.2, §11' },
  'callDevice.encodeVideoRatio': { kind: 'field', since: '2.4.5', sinceBasis: 'inferred', olderPlugin: 'ignored', note: ENCODE_NOTE, source: 'P §4.2, §11' },
  'callDevice.encodeVideoMaxFPS': { kind: 'field', since: '2.4.5', sinceBasis: 'inferred', olderPlugin: 'ignored', note: ENCODE_NOTE, source: 'P §4.2, §11' },

  'forceHangUpVoip.roomId': { kind: 'field', since: '2.3.2', sinceBasis: 'documented', olderPlugin: 'ignored', note: 'older plugins end whatever call is in progress', source: 'P §2, §5.1, §11' },
  'onVoipEvent.unsubscribe': { kind: 'result', since: '2.3.10', sinceBasis: 'documented', olderPlugin: 'broken', note: 'older plugins return a function that does not remove the listener', source: 'P §2, §5.2, §11' },
  'onVoipEvent.roomId': { kind: 'event', since: '2.4.0', sinceBasis: 'documented', olderPlugin: 'absent', note: 'older events carry groupId only', source: 'P §5.2, §12.22' },
  'onVoipEvent.finishVoip': { kind: 'event', since: '2.2.2', sinceBasis: 'documented', olderPlugin: 'absent', note: 'older plugins report a local-timer keepTime in endVoip only', source: 'P §7, §10.4, §11' },
  'setUIConfig.handsFree': { kind: 'field', since: '2.3.0', sinceBasis: 'documented', olderPlugin: 'ignored', note: 'also needs WMPF ≥ 2.0; device side only', source: 'P §5.3, §11' },
  'setUIConfig.isSelfWindowMax': { kind: 'field', since: '2.3.4', sinceBasis: 'documented', olderPlugin: 'ignored', note: '', source: 'P §5.3, §11' },
  'setUIConfig.customBoxHeight': { kind: 'field', since: '2.3.10', sinceBasis: 'documented', olderPlugin: 'ignored', note: '', source: 'P §5.3, §11' },
  'setUIConfig.callerUI.objectFit': { kind: 'field', since: '2.3.8', sinceBasis: 'documented', olderPlugin: 'ignored', note: '', source: 'P §5.3, §11' },
  'setUIConfig.listenerUI.objectFit': { kind: 'field', since: '2.3.8', sinceBasis: 'documented', olderPlugin: 'ignored', note: '', source: 'P §5.3, §11' },
  'setVoipEndPagePath.routeType': { kind: 'field', since: '2.3.9', sinceBasis: 'documented', olderPlugin: 'ignored', note: 'older plugins navigate with redirectTo', source: 'P §5.5, §11' },

  'behaviour.backgroundDoesNotReject': { kind: 'behaviour', since: '2.3.2', sinceBasis: 'documented', olderPlugin: 'oldBehaviour', note: 'older plugins: locking the screen or leaving WeChat while ringing rejects the call', source: 'P §9.4, §11, §13.3' },
  'behaviour.endPageSkipsDeviceDetail': { kind: 'behaviour', since: '2.3.8', sinceBasis: 'documented', olderPlugin: 'oldBehaviour', note: 'older plugins show the call-detail screen on the device even when an end page is set', source: 'P §5.5, §11' },
  'behaviour.tapToHideControls': { kind: 'behaviour', since: '2.3.9', sinceBasis: 'documented', olderPlugin: 'absent', note: '', source: 'P §11' },
  'behaviour.callPageSharingDisabled': { kind: 'behaviour', since: '2.3.10', sinceBasis: 'documented', olderPlugin: 'oldBehaviour', note: 'older plugins allow sharing the call page', source: 'P §11' },
  'behaviour.errorClasses': { kind: 'behaviour', since: '2.4.0', sinceBasis: 'documented', olderPlugin: 'absent', note: 'VoipError family and the error-code document', source: 'P §6.1, §11' },
  'behaviour.quickHangUpFix': { kind: 'behaviour', since: '2.4.3', sinceBasis: 'inferred', olderPlugin: 'broken', note: 'fixed across 2.4.2–2.4.3: a quick hang-up after dialing could break the next call; 2.4.3 is taken as fixed', source: 'P §11' },
  'component.camera-device': { kind: 'component', since: '2.4.6', sinceBasis: 'documented', olderPlugin: 'absent', note: 'cloud-to-cloud camera component', source: 'P §2, §5.9' },
} as const satisfies Record<string, PluginFeature>;
/** Key of one entry of the plugin version table. */
export type PluginFeatureKey = keyof typeof PLUGIN_FEATURES;

/**
 * Whether `feature` exists in plugin `version`. A feature without a version number (`since: null`) counts
 * as available in every version: [I] for `'unknown'` entries, as the face-pay APIs predate the changelog's
 * features they are used with. Throws a `RangeError` for a malformed version.
 *
 * @example
 * isAvailableIn('callDevice', '2.3.9'); // false
 */
export function isAvailableIn(feature: PluginFeatureKey, version: string): boolean {
  const since: string | null = PLUGIN_FEATURES[feature].since;
  assertPluginVersion(version);
  return since === null || compareVersions(version, since) >= 0;
}

/**
 * Every feature that plugin `version` lacks, e.g. to make a simulator of that version drop them.
 *
 * @example
 * unavailableFeaturesIn('2.4.4'); // ['callDevice.encodeVideoFixedLength', ..., 'component.camera-device']
 */
export function unavailableFeaturesIn(version: string): PluginFeatureKey[] {
  return (Object.keys(PLUGIN_FEATURES) as PluginFeatureKey[]).filter((feature) => !isAvailableIn(feature, version));
}
