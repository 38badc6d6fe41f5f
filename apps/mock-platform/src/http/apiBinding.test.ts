import { controlContract, demoSeed, platformTransportContract, wechatApiContract } from '@wxvoip/contracts';
import { describe, expect, it } from 'vitest';
import { PlatformCore } from '../core/platformCore.js';
import { createControlHandlers } from '../facade/controlApi.js';
import { createWechatHandlers } from '../facade/wechatApi.js';
import { bindApi, platformApis } from './apiBinding.js';

describe('platformApis: the one list both adapters serve', () => {
  it('binds the three contracts in order, with a handler for every route and none extra', () => {
    const apis = platformApis(new PlatformCore({ seed: demoSeed }));
    expect(apis.map(({ api, router }) => [api, router])).toEqual([
      ['wechat', wechatApiContract],
      ['transport', platformTransportContract],
      ['control', controlContract],
    ]);
    for (const { router, handlers } of apis) {
      expect(Object.keys(handlers).sort()).toEqual(Object.keys(router).sort());
      for (const handler of Object.values(handlers)) expect(handler).toBeTypeOf('function');
    }
  });

  it('calls the facade itself: a validated request reaches the handler and its typed answer comes back', () => {
    const core = new PlatformCore({ seed: demoSeed });
    const wechat = platformApis(core)[0];
    const answer = wechat?.handlers['getAccessToken']?.({ headers: {}, query: { grant_type: 'client_credential', appid: 'wx_demo_app', secret: 'demo-app-secret' } });
    expect(answer).toMatchObject({ status: 200, body: { access_token: expect.any(String), expires_in: 7200 } });
  });
});

describe('bindApi: a facade that drifts from its contract does not compile', () => {
  // `pnpm typecheck` checks these lines: each @ts-expect-error fails the build once the error it expects is gone.
  it('refuses a status the route does not declare, a body of the wrong shape and a missing route', () => {
    const core = new PlatformCore({ seed: demoSeed });
    const control = createControlHandlers(core);
    const wechat = createWechatHandlers(core);
    // @ts-expect-error getInfo declares only 200, with a PlatformInfo body
    bindApi('control', controlContract, { ...control, getInfo: () => ({ status: 200 as const, body: { name: 42 } }) });
    // @ts-expect-error a WeChat route answers HTTP 200 only (errors are { errcode, errmsg } bodies)
    bindApi('wechat', wechatApiContract, { ...wechat, getSnTicket: () => ({ status: 500 as const, body: { errcode: -1, errmsg: 'boom' } }) });
    const { getAccessToken: _missing, ...withoutToken } = wechat;
    // @ts-expect-error every route of the router needs its handler
    bindApi('wechat', wechatApiContract, withoutToken);
    expect(bindApi('control', controlContract, control).handlers['getInfo']).toBe(control.getInfo);
  });
});
