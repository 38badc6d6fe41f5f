import { describe, expect, it } from 'vitest';
import { wechatApiContract } from '../server-api/index.js';
import { platformRouters } from './routers.js';

describe('platformRouters', () => {
  it('holds the transport and control routers', () => {
    expect(Object.keys(platformRouters)).toEqual(['transport', 'control']);
  });

  it('keeps every route under its own prefix', () => {
    for (const route of Object.values(platformRouters.transport)) expect(route.path.startsWith('/__wxvoip/v1/')).toBe(true);
    for (const route of Object.values(platformRouters.control)) expect(route.path.startsWith('/__admin/')).toBe(true);
  });

  it('shares no route key with another router, so operation ids stay unique in one OpenAPI document', () => {
    const keys = [...Object.keys(wechatApiContract), ...Object.keys(platformRouters.transport), ...Object.keys(platformRouters.control)];
    const repeated = keys.filter((key, index) => keys.indexOf(key) !== index);
    expect(repeated).toEqual([]);
  });

  it('shares no method and path with the emulated WeChat routes', () => {
    const wechat = new Set(Object.values(wechatApiContract).map((route) => `${route.method} ${route.path}`));
    const ours = [...Object.values(platformRouters.transport), ...Object.values(platformRouters.control)].map((route) => `${route.method} ${route.path}`);
    expect(ours.filter((route) => wechat.has(route))).toEqual([]);
  });
});
