import { z } from 'zod';

/** A page query as an object of strings, e.g. `{ a: '1', b: '2' }` for `a=1&b=2`. */
export const PageQuery = z.record(z.string(), z.string({ invalid_type_error: 'query values must be strings' }));
/** A page query as an object of strings. */
export type PageQuery = z.infer<typeof PageQuery>;

/**
 * `getPluginEnterOptions()` result (P §5.6): what `wx.getEnterOptionsSync()` gives when the mini program
 * was entered through the plugin page. [I] Only `query` is modelled (it carries `customQuery`); the other
 * enter-option fields are kept as they are.
 */
export const PluginEnterOptions = z.object({ query: PageQuery }).passthrough();
/** `getPluginEnterOptions()` result. */
export type PluginEnterOptions = z.infer<typeof PluginEnterOptions>;

/**
 * `getPluginOnloadOptions()` result (P §5.6, plugin ≥ 2.2.3): the `query` of the call page's `onLoad`.
 * Read it after the `callPageOnShow` event; before that it may be stale.
 */
export const PluginOnloadOptions = PageQuery;
/** `getPluginOnloadOptions()` result. */
export type PluginOnloadOptions = z.infer<typeof PluginOnloadOptions>;
