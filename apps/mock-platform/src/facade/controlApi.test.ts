import { controlContract, demoSeed, PlatformInfo, ProblemDetails, type ControlContract } from '@wxvoip/contracts';
import { describe, expect, expectTypeOf, it, vi } from 'vitest';
import { PlatformCore } from '../core/platformCore.js';
import { createControlHandlers } from './controlApi.js';
import { createControlHandlers as fromControlIndex } from './control/index.js';
import type { RouterHandlers } from './routeHandlers.js';

/** The body of a successful response; the test fails when the handler answered a problem. */
function ok<R extends { status: number; body: unknown }>(response: R): Exclude<R, { status: 400 | 404 | 409 | 500 }>['body'] {
  expect(response.status).toBeLessThan(300);
  return response.body as Exclude<R, { status: 400 | 404 | 409 | 500 }>['body'];
}

const ns = (namespace: string) => ({ 'x-wxvoip-namespace': namespace });

function setup() {
  const core = new PlatformCore({ seed: demoSeed });
  return { core, control: createControlHandlers(core) };
}

describe('createControlHandlers', () => {
  it('returns RouterHandlers<ControlContract>', () => {
    expectTypeOf(createControlHandlers).returns.toEqualTypeOf<RouterHandlers<ControlContract>>();
    expect(fromControlIndex).toBe(createControlHandlers);
  });

  it('implements every route of controlContract, and nothing else', () => {
    const { control } = setup();
    expect(Object.keys(control).sort()).toEqual(Object.keys(controlContract).sort());
    for (const handler of Object.values(control)) expect(typeof handler).toBe('function');
  });
});

describe('namespaces through x-wxvoip-namespace', () => {
  it('keeps apps, clocks and faults of two namespaces apart', () => {
    const { control } = setup();
    control.updateApp({ headers: ns('team-a'), params: { appId: 'wx_demo_app' }, body: { voipCapability: 'none' } });
    control.advanceClock({ headers: ns('team-a'), body: { ms: 5_000 } });
    control.addFault({ headers: ns('team-a'), body: { kind: 'error', operation: 'wechat.getSnTicket', errcode: -1, times: 1, match: {} } });

    const a = control.getApp({ headers: ns('team-a'), params: { appId: 'wx_demo_app' } });
    const b = control.getApp({ headers: ns('team-b'), params: { appId: 'wx_demo_app' } });
    expect(a.status === 200 && a.body.voipCapability).toBe('none');
    expect(b.status === 200 && b.body.voipCapability).toBe('approved');

    const clockA = control.getClock({ headers: ns('team-a') });
    const clockB = control.getClock({ headers: ns('team-b') });
    expect(ok(clockA).now - ok(clockB).now).toBe(5_000);
    expect(ok(control.listFaults({ headers: ns('team-a') })).faults).toHaveLength(1);
    expect(ok(control.listFaults({ headers: ns('team-b') })).faults).toHaveLength(0);
  });

  it('uses the default namespace without the header', () => {
    const { core, control } = setup();
    control.updateBilling({ headers: {}, params: { appId: 'wx_demo_app' }, body: { inArrears: true } });
    expect(core.tenant('default').state.app('wx_demo_app')?.billing.inArrears).toBe(true);
    expect(core.tenant('other').state.app('wx_demo_app')?.billing.inArrears).toBe(false);
  });

  it('answers a malformed namespace with a 400 validation problem and creates nothing', () => {
    const { core, control } = setup();
    const response = control.listApps({ headers: { 'x-wxvoip-namespace': 'Bad Name' } });
    expect(response.status).toBe(400);
    const body = ProblemDetails.parse(response.body);
    expect(body.errors?.[0]?.path).toBe('x-wxvoip-namespace');
    expect(body.errors?.[0]?.message).toMatch(/may only contain \[a-z0-9._-\]/);
    expect(body.instance).toBe('/__admin/apps');
    expect(core.namespaces()).toEqual([]);
  });
});

describe('getInfo', () => {
  it('reports versions, prefixes and the namespaces in use with their clock and parties', () => {
    const core = new PlatformCore({ seed: demoSeed });
    const control = createControlHandlers(core, { version: '1.2.3' });
    const tenant = core.tenant('with-party');
    tenant.parties.connect({ kind: 'vendorCloud' });
    const info = PlatformInfo.parse(control.getInfo({ headers: {} }).body);
    expect(info).toEqual({
      name: 'wxvoip-mock',
      version: '1.2.3',
      transportPrefix: '/__wxvoip/v1',
      transportProtocol: 'v1',
      controlPrefix: '/__admin',
      controlApiVersion: 1,
      namespaces: [{ namespace: 'with-party', clockMode: 'manual', parties: 1 }],
    });
  });
});

describe('unexpected failures', () => {
  it('turn an exception inside the core into a 500 internal problem naming the route', () => {
    const { core, control } = setup();
    vi.spyOn(core.tenant('boom').faults, 'list').mockImplementation(() => {
      throw new Error('fault book exploded');
    });
    const response = control.listFaults({ headers: ns('boom') });
    expect(response.status).toBe(500);
    const body = ProblemDetails.parse(response.body);
    expect(body.type).toBe('urn:wxvoip:problem:internal');
    expect(body.detail).toMatch(/^listFaults failed inside the mock platform \(Error: fault book exploded\)/);
  });
});
