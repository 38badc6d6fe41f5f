import { CallDeviceRequest, ConnectPartyRequest, demoSeed } from '@wxvoip/contracts';
import { describe, expect, it } from 'vitest';
import { PlatformCore } from './platformCore.js';

describe('PlatformCore namespaces', () => {
  it('isolates state and time between namespaces', () => {
    const core = new PlatformCore({ seed: demoSeed });
    const a = core.tenant('test-a');
    const b = core.tenant('test-b');
    a.state.clock.advance(60_000);
    expect(b.state.clock.now()).toBe(a.state.clock.now() - 60_000);
    a.state.app('wx_demo_app')!.billing.inArrears = true;
    expect(b.state.app('wx_demo_app')!.billing.inArrears).toBe(false);
    expect(core.namespaces()).toEqual(['test-a', 'test-b']);
  });

  it('gives the same ids for the same operations in a fresh namespace of the same name', () => {
    const first = new PlatformCore({ seed: demoSeed }).tenant('replay');
    const second = new PlatformCore({ seed: demoSeed }).tenant('replay');
    const call = (tenant: typeof first) => {
      const party = tenant.parties.connect(ConnectPartyRequest.parse({ kind: 'wechatPlugin', appId: 'wx_demo_app', openId: 'openid-alice' }));
      if (!party.ok) throw new Error('connect');
      const room = tenant.calls.callDevice(party.value.party, CallDeviceRequest.parse({ roomType: 'voice', sn: 'SN-LINUX-0001', modelId: 'model-linux-doorbell' }));
      return [party.value.credential.token, room.ok ? room.value.roomId : null];
    };
    expect(call(first)).toEqual(call(second));
  });

  it('reset returns a namespace to the seed: calls end, parties get bye, timers stop', () => {
    const core = new PlatformCore({ seed: demoSeed });
    const tenant = core.tenant('t');
    const party = tenant.parties.connect(ConnectPartyRequest.parse({ kind: 'wechatPlugin', appId: 'wx_demo_app', openId: 'openid-alice' }));
    if (!party.ok) throw new Error('connect');
    const received: string[] = [];
    tenant.parties.attachChannel(party.value.party.partyId, (m) => received.push(m.type === 'voipEvent' ? m.event.eventName : m.type));
    const room = tenant.calls.callDevice(party.value.party, CallDeviceRequest.parse({ roomType: 'voice', sn: 'SN-LINUX-0001', modelId: 'model-linux-doorbell' }));
    expect(room.ok).toBe(true);
    core.reset('t');
    expect(received.slice(-4)).toEqual(['abortVoip', 'endVoip', 'finishVoip', 'bye']);
    expect(tenant.state.clock.pendingTimers).toBe(0);
    expect(core.tenant('t')).not.toBe(tenant);
    expect(core.tenant('t').rooms.list()).toEqual([]);
  });

  it('refuses an invalid namespace name with the contract message', () => {
    expect(() => new PlatformCore().tenant('Bad Name')).toThrow(/x-wxvoip-namespace may only contain/);
  });
});
