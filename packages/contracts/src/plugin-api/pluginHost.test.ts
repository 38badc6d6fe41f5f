import { describe, expect, it } from 'vitest';
import { PluginHost } from './pluginHost.js';

describe('PluginHost (P §1)', () => {
  it('knows the WeChat client and WMPF', () => {
    expect(PluginHost.options).toEqual(['wechat', 'wmpf']);
    expect(PluginHost.safeParse('devtools').error?.issues[0]?.message).toContain("host must be 'wechat'");
  });
});
