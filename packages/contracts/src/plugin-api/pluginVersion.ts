import { z } from 'zod';

/** Latest plugin version in the changelog (P, header). */
export const LATEST_PLUGIN_VERSION = '2.4.6';

/** Oldest version the changelog covers; facts about older versions come from notes in API pages (P, header). */
export const OLDEST_CHANGELOG_VERSION = '2.3.8';

/** The pattern of {@link PluginVersion}, also tested directly where only a yes/no is needed (no zod parse per check). */
const PLUGIN_VERSION_PATTERN = /^\d+(?:\.\d+)*$/;

/**
 * A plugin version number: dot-separated whole numbers such as `'2.4.6'` or `'2.3.10'`. `'latest'` (valid
 * in `app.json`) is not a version number.
 */
export const PluginVersion = z
  .string({ invalid_type_error: 'plugin version must be a string like 2.4.6' })
  .regex(PLUGIN_VERSION_PATTERN, 'plugin version must be dot-separated whole numbers like 2.4.6');

/** A plugin version number. */
export type PluginVersion = z.infer<typeof PluginVersion>;

/**
 * Throws a `RangeError` naming the value unless it is a plugin version number.
 *
 * @example
 * assertPluginVersion('latest'); // RangeError: "latest" is not a plugin version ...
 */
export function assertPluginVersion(version: string): void {
  // The same check as PluginVersion (a string of dot-separated whole numbers), without a zod parse: the plugin
  // simulator asks it for every feature gate of every call (issue 19).
  if (typeof version !== 'string' || !PLUGIN_VERSION_PATTERN.test(version)) {
    throw new RangeError(`${JSON.stringify(version)} is not a plugin version: expected dot-separated whole numbers like 2.4.6`);
  }
}

/**
 * Compares two plugin versions part by part as numbers (so `2.3.10` > `2.3.9`); missing parts count as 0.
 * Returns -1, 0 or 1. Throws a `RangeError` for a string that is not a version number.
 *
 * @example
 * compareVersions('2.3.10', '2.3.9'); // 1
 */
export function compareVersions(a: string, b: string): -1 | 0 | 1 {
  const parts = [a, b].map((version) => {
    assertPluginVersion(version);
    return version.split('.').map(Number);
  });
  const [left = [], right = []] = parts;
  for (let index = 0; index < Math.max(left.length, right.length); index += 1) {
    const difference = (left[index] ?? 0) - (right[index] ?? 0);
    if (difference !== 0) return difference < 0 ? -1 : 1;
  }
  return 0;
}
