import { describe, expect, it } from 'vitest';
import { PageQuery, PluginEnterOptions, PluginOnloadOptions } from './pluginEnterOptions.js';

describe('plugin options getters (P §5.6)', () => {
  it('PluginEnterOptions needs a query and keeps the other enter options', () => {
    const options = { path: 'plugin-private://x', scene: 1001, query: { a: '1' } };
    expect(PluginEnterOptions.parse(options)).toEqual(options);
    expect(PluginEnterOptions.safeParse({ scene: 1001 }).error?.issues[0]?.path).toEqual(['query']);
  });

  it('PluginOnloadOptions is a string-valued query object', () => {
    expect(PluginOnloadOptions.parse({ roomType: 'video', groupId: 'r1' })).toEqual({ roomType: 'video', groupId: 'r1' });
    expect(PageQuery.safeParse({ n: 1 }).error?.issues[0]).toMatchObject({ path: ['n'], message: 'query values must be strings' });
  });
});
