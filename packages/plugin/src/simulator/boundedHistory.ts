/** Entries each history of a plugin simulator keeps by default (events, navigations, end pages, reminders, pushes). */
export const DEFAULT_HISTORY_LIMIT = 1_000;

/** Appends to a history and drops its oldest entries past `limit`, so a long-running simulator does not grow. */
export function pushBounded<T>(history: T[], entry: T, limit: number): void {
  history.push(entry);
  while (history.length > limit) history.shift();
}

/** Forgets the oldest keys (insertion order) of a set or map past `limit`. */
export function forgetOldest(keys: { readonly size: number; keys(): IterableIterator<string>; delete(key: string): boolean }, limit: number): void {
  while (keys.size > limit) keys.delete(keys.keys().next().value as string);
}
