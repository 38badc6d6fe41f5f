/**
 * @wxvoip/contracts: the one contract for WeChat hardware VoIP calls.
 *
 * Every request, response, businessType rule, event and error code that the plugin simulator, the
 * device simulators and the mock platform share. Loads in a mini program's JavaScript engine: it
 * depends on zod and @ts-rest/core only, and imports no Node built-ins.
 *
 * Each area's `index.ts` names its exports explicitly; this file gathers the areas. A name exported by
 * two areas is a compile error here (TS2308), so the surface cannot silently shadow itself.
 */
export { PLUGIN_APPID, SN_MAX_BYTES, AppId, ModelId, OpenId, RoomId, RoomType, Sn } from './common/identifiers.js';
export { contractCheck, contractCheckFallbacks, contractVerdict, type CheckableSchema, type ContractCheckResult } from './common/contractCheck.js';
export * from './plugin-api/index.js';
export * from './events/index.js';
export * from './errors/index.js';
export * from './server-api/index.js';
export * from './push/index.js';
export * from './device/index.js';
export * from './platform/index.js';
