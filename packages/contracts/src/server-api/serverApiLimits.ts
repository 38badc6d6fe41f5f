/** Lifetime of an access_token from `/cgi-bin/token` or `/cgi-bin/stable_token`, in seconds (D §4.1, §8). */
export const ACCESS_TOKEN_EXPIRES_IN = 7200;

/** Lifetime of an sn_ticket from `/wxa/getsnticket`, in seconds: 5 minutes (D §4.3, §8). */
export const SN_TICKET_TTL_SECONDS = 300;

/** Largest `group_name`, in UTF-8 bytes; names are 1–32 bytes and immutable (D §4.5, §8). */
export const GROUP_NAME_MAX_BYTES = 32;

/** Devices a group holds before `/wxa/business/group/expand` (D §4.7, §8). */
export const GROUP_DEFAULT_MAX_DEVICE_COUNT = 50;

/** Devices a group holds after `/wxa/business/group/expand`; also the only accepted `max_device_count` (D §4.9, §8). */
export const GROUP_EXPANDED_MAX_DEVICE_COUNT = 200;

/** Most devices one license call may name (`activedevice`, `getdeviceinfo`) (D §4.11, §8). */
export const LICENSE_MAX_DEVICES_PER_CALL = 100;

/** Largest license `pkg_type`: 0 test/trial, 1 A, 2 B, 3 C, 4 D, 5 E (D §4.11). */
export const LICENSE_PKG_TYPE_MAX = 5;

/** Largest `active_number`: it is a uint32 (D §4.11). */
export const LICENSE_ACTIVE_NUMBER_MAX = 4_294_967_295;

/** `expire_time` the license APIs answer since the 2024-09-09 incentive policy: 2030-01-01, Unix seconds (D §4.11). */
export const LICENSE_STUB_EXPIRE_TIME = 1_893_427_200;

/**
 * Largest `pushappmsg` `msg`, in UTF-8 bytes. D §3.4 says "≤5 KB"; we read KB as 1024 bytes ([I], ADR 0006).
 */
export const PUSH_APP_MSG_MAX_BYTES = 5 * 1024;
