/**
 * Every export of the real plugin's `requirePlugin('wmpf-voip').default`, with WeChat's spelling
 * (`transerAdmin` really is spelled that way) (P §2). The `camera-device` component is not an export.
 */
export const pluginInterfaces = [
  'initByCaller',
  'callWMPF',
  'callDevice',
  'forceHangUpVoip',
  'onVoipEvent',
  'setUIConfig',
  'setCustomBtnText',
  'setVoipEndPagePath',
  'getPluginEnterOptions',
  'getPluginOnloadOptions',
  'getIotBindContactList',
  'CALL_PAGE_PATH',
  'bindVoipAdminContact',
  'getBindContactPath',
  'getVoipBindContactList',
  'deleteVoipBindContact',
  'transerAdmin',
] as const;
/** Name of one export of the real plugin. */
export type PluginInterfaceName = (typeof pluginInterfaces)[number];

/**
 * Names that are NOT exports of the real plugin (P §2): never documented, a doc typo
 * (`getIotContactList`), or internal (`initByListener`). A simulator that offers any of them must mark it
 * as a simulator-only extension.
 */
export const undocumentedPluginNames = [
  'getStatus',
  'hangup',
  'answer',
  'reject',
  'offVoipEvent',
  'getIotContactList',
  'initByListener',
] as const;
/** A name that is not an export of the real plugin. */
export type UndocumentedPluginName = (typeof undocumentedPluginNames)[number];
