import { describe, expect, it } from 'vitest';
import { pluginInterfaces, undocumentedPluginNames } from './pluginInterfaces.js';

describe('pluginInterfaces (P §2)', () => {
  it('lists 17 distinct exports with WeChat spelling', () => {
    expect(new Set(pluginInterfaces).size).toBe(pluginInterfaces.length);
    expect(pluginInterfaces).toHaveLength(17);
    expect(pluginInterfaces).toContain('transerAdmin');
    expect(pluginInterfaces).toContain('callWMPF');
  });

  it('shares no name with the undocumented ones', () => {
    const exports: readonly string[] = pluginInterfaces;
    for (const name of undocumentedPluginNames) expect(exports).not.toContain(name);
  });
});
