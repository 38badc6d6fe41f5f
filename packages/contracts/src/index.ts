/**
 * @wxvoip/contracts: the one contract for WeChat hardware VoIP calls.
 *
 * Every request, response, businessType rule, event and error code that the plugin simulator, the
 * device simulators and the mock platform share. Loads in a mini program's JavaScript engine: it
 * depends on zod and @ts-rest/core only, and imports no Node built-ins.
 */
export { PLUGIN_APPID, SN_MAX_BYTES, AppId, ModelId, OpenId, RoomId, RoomType, Sn } from './common/identifiers.js';
