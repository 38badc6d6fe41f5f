import { z } from 'zod';

/**
 * Where an error code lives. The same number can mean different things in different places (backend 9
 * "not authorized" vs `wx_error_t` 9 `FAILED_PRECONDITION`), so a code is only unique per domain.
 *
 * - `backend`: the VoIP backend `errCode` from call creation and device registration (P §6.2, D §7.1).
 * - `plugin`: the `wmpf-voip` plugin's own `errCode` (P §6.3, D §7.2).
 * - `plugin-event`: `errMsg` literals carried by `abortVoip` / `joinFailCaller` events; they have no number (P §6.4).
 * - `device-sdk`: the Linux / RTOS device SDK `wx_error_t` return values (D §7.3).
 * - `server-api`: `errcode` of the `api.weixin.qq.com` routes the developer backend calls (D §4, §7.4, §10.3; P §5.8, §6.5).
 * - `authorization`: failures of `wx.requestDeviceVoIP` on the phone (D §5.1, §7.5; P §6.5).
 * - `wmpf-registration`: WMPF `registerMiniProgramDevice` / device-auth SDK `registerDevice` codes (D §7.6).
 * - `wmpf-runtime`: WMPF framework codes seen while a call runs (P §9.8).
 */
export const ErrorDomain = z.enum(
  ['backend', 'plugin', 'plugin-event', 'device-sdk', 'server-api', 'authorization', 'wmpf-registration', 'wmpf-runtime'],
  {
    errorMap: () => ({
      message:
        "domain must be one of 'backend', 'plugin', 'plugin-event', 'device-sdk', 'server-api', 'authorization', 'wmpf-registration', 'wmpf-runtime'",
    }),
  },
);
/** Where an error code lives (see the `ErrorDomain` schema). */
export type ErrorDomain = z.infer<typeof ErrorDomain>;

/** The domains whose entries carry a numeric code (every domain except `plugin-event`). */
export type CodedErrorDomain = Exclude<ErrorDomain, 'plugin-event'>;

/** Confidence of a fact: [D] documented by WeChat, [C] community, [T] third-party code or docs, [I] our inference. */
export type FactTag = 'D' | 'C' | 'T' | 'I';

/** A citation of the reference: `P` = plugin-api.md, `D` = devices-and-platform.md, e.g. `'P §6.2; D §7.1'`. */
export type SourceRef = `${'P' | 'D'} §${string}`;

/**
 * How `message` relates to WeChat's own text: `quoted` is a literal WeChat string from the reference,
 * `restated` is the reference's meaning written in WeChat's short lower-case style (WeChat's exact wording is
 * not in the reference, so byte-equal `errmsg` is not promised for these).
 */
export type MessageWording = 'quoted' | 'restated';

/** The plugin error class a backend or plugin code is raised as (P §6.1; the mapping itself is P §12.4 [I]). */
export type VoipErrorClassName = 'VoipCgiError' | 'VoipJoinError' | 'VoipPluginError';

/** Plugin events whose `errMsg` literals are catalogued in the `plugin-event` domain (P §6.4). */
export type ErrMsgEvent = 'abortVoip' | 'joinFailCaller';

/** Fields every catalogue entry has. */
export interface ErrorEntryBase {
  /** Stable SCREAMING_SNAKE identifier, unique in the whole catalogue; never reused once retired. */
  readonly key: string;
  /** WeChat's text in English (see `wording`); used verbatim as `errmsg` / `errMsg`. */
  readonly message: string;
  /** WeChat's original Chinese text, where the reference quotes it. */
  readonly messageZh?: string;
  /**
   * The exact `errmsg` WeChat sends on the wire for this code, where WeChat documents it (for example the getsnticket
   * page, D §4.3). When set, a `{ errcode, errmsg }` body carries this literal verbatim, with no detail appended:
   * backends log and match these strings. The explanation stays in `message`, `fix` and the journal.
   */
  readonly wireErrmsg?: string;
  /** Where `wireErrmsg` is documented (required with it). */
  readonly wireSource?: string;
  /** Whether `message` is a WeChat literal or a restatement. */
  readonly wording: MessageWording;
  /** What to do about it: an actionable instruction for the developer. */
  readonly fix: string;
  /** Extra facts: how SDKs surface the code, other meanings in other flows. */
  readonly note?: string;
  /** Where the reference documents it. */
  readonly source: SourceRef;
  /** How sure the (code, meaning) pair is; where sources disagree, the weaker tag is kept. */
  readonly tag: FactTag;
}

/** A backend or plugin code: raised to mini-program code as one of the `VoipError` classes. */
export interface VoipErrorEntry extends ErrorEntryBase {
  /** `backend` or `plugin`. */
  readonly domain: 'backend' | 'plugin';
  /** The `errCode` number. */
  readonly code: number;
  /** The `VoipError` subclass this code is raised as. */
  readonly errorClass: VoipErrorClassName;
}

/** A plugin event `errMsg` literal; WeChat attaches no number, so `code` is `null` and `message` is the literal. */
export interface PluginEventEntry extends ErrorEntryBase {
  /** Always `plugin-event`. */
  readonly domain: 'plugin-event';
  /** Always `null`: these messages have no code. */
  readonly code: null;
  /** The event that carries the message. */
  readonly event: ErrMsgEvent;
}

/** Any other numbered code (device SDK, server API, authorization, WMPF). */
export interface CodedErrorEntry extends ErrorEntryBase {
  /** The domain (not `backend`, `plugin` or `plugin-event`). */
  readonly domain: Exclude<CodedErrorDomain, 'backend' | 'plugin'>;
  /** The number as WeChat returns it (may be negative or 0). */
  readonly code: number;
}

/** One row of the error catalogue. */
export type ErrorEntry = VoipErrorEntry | PluginEventEntry | CodedErrorEntry;
