import { describe, expect, expectTypeOf, it } from 'vitest';
import { wechatApiContract } from '../server-api/index.js';
import type { WechatRouteKey } from '../server-api/index.js';
import { PlatformOperation, TRANSPORT_OPERATIONS, WECHAT_OPERATIONS } from './operations.js';
import type { PlatformOperationName } from './operations.js';
import { platformTransportContract } from './transportContract.js';
import type { TransportRouteKey } from './transportContract.js';

describe('PlatformOperation', () => {
  it('names every emulated WeChat route and every transport route', () => {
    expect(WECHAT_OPERATIONS).toEqual(Object.keys(wechatApiContract).map((key) => `wechat.${key}`));
    expect(TRANSPORT_OPERATIONS).toEqual(Object.keys(platformTransportContract).map((key) => `transport.${key}`));
    expect(PlatformOperation.options).toEqual([...WECHAT_OPERATIONS, ...TRANSPORT_OPERATIONS]);
    expect(PlatformOperation.options).toContain('wechat.getSnTicket');
    expect(PlatformOperation.options).toContain('transport.linuxSessionCall');
  });

  it('rejects an operation of no router, naming the form', () => {
    for (const bad of ['getSnTicket', 'transport.nope', 'control.reset']) {
      expect(PlatformOperation.safeParse(bad).error?.issues[0]?.message).toContain("'wechat.<route>' or 'transport.<route>'");
    }
  });

  it('types operations from the route keys', () => {
    expectTypeOf<PlatformOperation>().toEqualTypeOf<PlatformOperationName>();
    expectTypeOf<PlatformOperationName>().toEqualTypeOf<`wechat.${WechatRouteKey}` | `transport.${TransportRouteKey}`>();
  });
});
