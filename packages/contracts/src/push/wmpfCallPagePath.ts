import { z } from 'zod';
import { RoomType } from '../common/identifiers.js';
import { CALL_PAGE_PATH } from '../plugin-api/callPagePath.js';
import { deviceIdField } from '../device/cFields.js';
import { customQueryField } from './customQuery.js';

/** Query keys the platform and the device put on the WMPF call page path; a custom query may not reuse them. */
export const WMPF_CALL_PAGE_KEYS = ['roomType', 'groupId', 'listenerId', 'callerName', 'isClickedHangOnBtn'] as const;
/** One of the reserved call page query keys. */
export type WmpfCallPageKey = (typeof WMPF_CALL_PAGE_KEYS)[number];

function customQueryKeys(customQuery: string): string[] {
  return customQuery
    .split('&')
    .filter((part) => part !== '')
    .map((part) => {
      const key = part.split('=')[0] ?? '';
      try {
        return decodeURIComponent(key);
      } catch {
        return key;
      }
    });
}

/**
 * The query the WMPF push `path` carries (P §9.1, D §3.3): `roomType`, `groupId` (the roomId), `listenerId` (the
 * device SN), `callerName`, the caller's `customQuery` (raw `a=1&b=2`, appended as given), and
 * `isClickedHangOnBtn`, which the device adds (`=1`) to answer without the plugin's answer button.
 */
export const WmpfCallPageQuery = z
  .object({
    roomType: RoomType,
    groupId: z
      .string({ required_error: 'groupId is required (the roomId of the call)', invalid_type_error: 'groupId must be a string (the roomId)' })
      .min(1, 'groupId must not be empty (it is the roomId of the call)'),
    listenerId: deviceIdField('listenerId'),
    callerName: z.string({ required_error: 'callerName is required (the WeChat user shown on the device; may be empty)', invalid_type_error: 'callerName must be a string' }),
    customQuery: customQueryField('customQuery').default(''),
    isClickedHangOnBtn: z.boolean({ invalid_type_error: 'isClickedHangOnBtn must be a boolean (true appends isClickedHangOnBtn=1)' }).default(false),
  })
  .superRefine((query, ctx) => {
    const reused = customQueryKeys(query.customQuery).filter((key) => (WMPF_CALL_PAGE_KEYS as readonly string[]).includes(key));
    if (reused.length > 0) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['customQuery'],
        message: `customQuery must not set ${reused.join(', ')}: the call page path already carries ${WMPF_CALL_PAGE_KEYS.join(', ')}`,
      });
    }
  });
/** The parsed call page query. */
export type WmpfCallPageQuery = z.infer<typeof WmpfCallPageQuery>;
/** The call page query as written: `customQuery` and `isClickedHangOnBtn` may be omitted. */
export type WmpfCallPageQueryInput = z.input<typeof WmpfCallPageQuery>;

/**
 * Builds the WMPF push `path`: `<CALL_PAGE_PATH>?roomType=…&groupId=…&listenerId=…&callerName=…&<customQuery>`
 * plus `&isClickedHangOnBtn=1` when asked. Values are encoded with `encodeURIComponent`; `customQuery` is
 * appended as given. Throws a `ZodError` for an invalid query.
 *
 * @example
 * buildWmpfCallPagePath({ roomType: 'video', groupId: 'r1', listenerId: 'SN_0001', callerName: 'Mum', customQuery: 'a=1' });
 * // 'plugin-private://wxf830863afde621eb/pages/call-page-plugin/call-page-plugin?roomType=video&groupId=r1&listenerId=SN_0001&callerName=Mum&a=1'
 */
export function buildWmpfCallPagePath(query: WmpfCallPageQueryInput): string {
  const q = WmpfCallPageQuery.parse(query);
  const known: [string, string][] = [
    ['roomType', q.roomType],
    ['groupId', q.groupId],
    ['listenerId', q.listenerId],
    ['callerName', q.callerName],
  ];
  let path = `${CALL_PAGE_PATH}?${known.map(([key, value]) => `${key}=${encodeURIComponent(value)}`).join('&')}`;
  if (q.customQuery !== '') path += `&${q.customQuery}`;
  if (q.isClickedHangOnBtn) path += '&isClickedHangOnBtn=1';
  return path;
}

/**
 * A WMPF call page path that parses into its `WmpfCallPageQuery`. Issues name the problem: wrong page, bad
 * percent-encoding, a repeated or missing key, an `isClickedHangOnBtn` other than 1/0.
 */
export const WmpfCallPagePath = z
  .string({ required_error: 'path is required (the plugin call page path)', invalid_type_error: 'path must be a string' })
  .transform((path, ctx): WmpfCallPageQuery => {
    const prefix = `${CALL_PAGE_PATH}?`;
    if (!path.startsWith(prefix)) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: `path must start with '${prefix}' (the plugin call page and its query)` });
      return z.NEVER;
    }
    const found: Partial<Record<WmpfCallPageKey, string>> = {};
    const custom: string[] = [];
    for (const part of path.slice(prefix.length).split('&')) {
      if (part === '') continue;
      const eq = part.indexOf('=');
      const rawKey = eq < 0 ? part : part.slice(0, eq);
      const rawValue = eq < 0 ? '' : part.slice(eq + 1);
      let key: string;
      let value: string;
      try {
        key = decodeURIComponent(rawKey);
        value = decodeURIComponent(rawValue);
      } catch {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: `path has malformed percent-encoding in '${part}': encode values with encodeURIComponent` });
        return z.NEVER;
      }
      if (!(WMPF_CALL_PAGE_KEYS as readonly string[]).includes(key)) {
        custom.push(part);
        continue;
      }
      const known = key as WmpfCallPageKey;
      if (found[known] !== undefined) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: [known], message: `${known} appears twice in the call page path: it must appear once` });
        return z.NEVER;
      }
      found[known] = value;
    }
    const click = found.isClickedHangOnBtn;
    if (click !== undefined && click !== '1' && click !== '0') {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['isClickedHangOnBtn'],
        message: 'isClickedHangOnBtn must be 1 (answer at once) or be left out',
      });
      return z.NEVER;
    }
    const result = WmpfCallPageQuery.safeParse({
      roomType: found.roomType,
      groupId: found.groupId,
      listenerId: found.listenerId,
      callerName: found.callerName,
      customQuery: custom.join('&'),
      isClickedHangOnBtn: click === '1',
    });
    if (!result.success) {
      for (const issue of result.error.issues) ctx.addIssue({ ...issue, code: z.ZodIssueCode.custom });
      return z.NEVER;
    }
    return result.data;
  });

/**
 * Reads a WMPF push `path` back into its query (inverse of `buildWmpfCallPagePath`). Throws a `ZodError` whose
 * issues name the problem.
 *
 * @example
 * parseWmpfCallPagePath(buildWmpfCallPagePath(query)); // deep-equals the parsed query
 */
export function parseWmpfCallPagePath(path: string): WmpfCallPageQuery {
  return WmpfCallPagePath.parse(path);
}
