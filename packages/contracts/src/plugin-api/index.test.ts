import { describe, expect, expectTypeOf, it } from 'vitest';
import * as pluginApi from './index.js';
import type { InitByCallerRequestInput, WmpfVoipPlugin } from './index.js';

describe('plugin-api index', () => {
  it('exports the schemas, constants and helpers', () => {
    expect(pluginApi.CALL_PAGE_PATH).toContain('call-page-plugin');
    expect(pluginApi.LATEST_PLUGIN_VERSION).toBe('2.4.6');
    expect(pluginApi.pluginInterfaces).toContain('initByCaller');
    expect(typeof pluginApi.InitByCallerRequest.parse).toBe('function');
    expect(typeof pluginApi.isAvailableIn).toBe('function');
    expect(typeof pluginApi.checkVoipTokenForRegistration).toBe('function');
  });

  it('exports the input and plugin types', () => {
    expectTypeOf<InitByCallerRequestInput>().toEqualTypeOf<pluginApi.InitByCallerRequestInput>();
    expectTypeOf<Parameters<WmpfVoipPlugin['initByCaller']>[0]>().toEqualTypeOf<InitByCallerRequestInput>();
  });
});
