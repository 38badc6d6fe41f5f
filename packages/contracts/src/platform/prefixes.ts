/**
 * Path prefix of the transport API, the protocol the simulators (plugin, Linux, RTOS, vendor cloud) speak with
 * the mock platform. Versioned in the path: simulators and the mock may ship at different times (ADR 0007).
 */
export const TRANSPORT_PREFIX = '/__wxvoip/v1';

/** Version tag of the transport protocol, the last segment of {@link TRANSPORT_PREFIX}. */
export const TRANSPORT_PROTOCOL_VERSION = 'v1';

/**
 * Path prefix of the control API (seed, clock, faults, journal, rooms, simulate). Unversioned in the path like
 * WireMock's `/__admin`; its version is {@link CONTROL_API_VERSION}, reported by `GET /__admin/info` (ADR 0007).
 */
export const CONTROL_PREFIX = '/__admin';

/** Version of the control API; a breaking change bumps it together with the package's major version. */
export const CONTROL_API_VERSION = 1;

/**
 * Header that selects the tenant namespace: parallel tests isolate their state by it. Optional; absent means
 * {@link DEFAULT_NAMESPACE}. Lower-case, because ts-rest and HTTP/2 compare header names in lower case.
 */
export const NAMESPACE_HEADER = 'x-wxvoip-namespace';

/** The namespace used when a request carries no {@link NAMESPACE_HEADER}. */
export const DEFAULT_NAMESPACE = 'default';

/** Header that carries a party's credential on transport routes: `authorization: Bearer <token>`. */
export const PARTY_CREDENTIAL_HEADER = 'authorization';

/**
 * Header that may carry the control API's admin token when the platform has one (besides `Authorization: Bearer
 * <token>` and Basic with the token as password). Lower-case, like {@link NAMESPACE_HEADER}.
 */
export const ADMIN_TOKEN_HEADER = 'x-wxvoip-admin-token';

/**
 * Query parameter that carries the party credential when opening the push channel. Browsers and msw's `ws`
 * cannot set headers on a WebSocket handshake; WeChat itself passes `access_token` in the query string.
 */
export const PUSH_CHANNEL_TOKEN_PARAM = 'access_token';

/**
 * Path of a party's push channel (WebSocket), relative to the platform's base URL; `connectParty` returns it
 * filled in. Not a ts-rest route: ts-rest describes request/response routes only.
 */
export const PUSH_CHANNEL_PATH = `${TRANSPORT_PREFIX}/parties/:partyId/channel` as const;

/**
 * Path prefixes of WeChat's own server API that the mock emulates (`wechatApiContract`): a request under one of them
 * is answered in WeChat's `{errcode, errmsg}` shape even when no route matches.
 */
export const WECHAT_PATH_PREFIXES = ['/cgi-bin/', '/wxa/'] as const;
