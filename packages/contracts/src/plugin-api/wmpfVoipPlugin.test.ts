import { describe, expect, expectTypeOf, it } from 'vitest';
import { CALL_PAGE_PATH } from './callPagePath.js';
import type { CallDeviceRequestInput } from './callDeviceRequest.js';
import type { InitByCallerResult } from './initByCallerResult.js';
import { pluginInterfaces } from './pluginInterfaces.js';
import type { PluginInterfaceName } from './pluginInterfaces.js';
import type { OnVoipEvent, VoipEventListener, VoipEventUnsubscribe } from './voipEventListener.js';
import type { WmpfVoipPlugin } from './wmpfVoipPlugin.js';

interface FakeEvent {
  eventName: 'startVoip';
  roomId?: string;
}

describe('WmpfVoipPlugin type', () => {
  it('has exactly the documented exports', () => {
    expectTypeOf<keyof WmpfVoipPlugin>().toEqualTypeOf<PluginInterfaceName>();
    const keys: readonly (keyof WmpfVoipPlugin)[] = pluginInterfaces;
    expect(keys).toHaveLength(17);
  });

  it('types arguments as inputs and results as resolved shapes', () => {
    expectTypeOf<WmpfVoipPlugin['callDevice']>().parameter(0).toEqualTypeOf<CallDeviceRequestInput>();
    expectTypeOf<WmpfVoipPlugin['initByCaller']>().returns.resolves.toEqualTypeOf<InitByCallerResult>();
    expectTypeOf<WmpfVoipPlugin['callWMPF']>().returns.resolves.toEqualTypeOf<{ roomId: string }>();
    expectTypeOf<WmpfVoipPlugin['forceHangUpVoip']>().parameters.toEqualTypeOf<[roomId?: string]>();
    expectTypeOf<WmpfVoipPlugin['CALL_PAGE_PATH']>().toEqualTypeOf<typeof CALL_PAGE_PATH>();
  });

  it('threads the event type through onVoipEvent', () => {
    expectTypeOf<WmpfVoipPlugin<FakeEvent>['onVoipEvent']>().toEqualTypeOf<OnVoipEvent<FakeEvent>>();
    expectTypeOf<WmpfVoipPlugin['onVoipEvent']>().parameter(0).toEqualTypeOf<VoipEventListener<unknown>>();
    expectTypeOf<ReturnType<OnVoipEvent>>().toEqualTypeOf<VoipEventUnsubscribe>();
    expectTypeOf<VoipEventUnsubscribe>().toEqualTypeOf<() => void>();
  });

  it('accepts a hand-written fake of the plugin', async () => {
    const listeners = new Set<VoipEventListener<FakeEvent>>();
    const fake: Pick<WmpfVoipPlugin<FakeEvent>, 'callDevice' | 'onVoipEvent' | 'CALL_PAGE_PATH'> = {
      callDevice: async (req) => ({ roomId: `room-${req.sn}` }),
      onVoipEvent: (listener) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      CALL_PAGE_PATH,
    };
    const unsubscribe = fake.onVoipEvent(() => undefined);
    expect(listeners.size).toBe(1);
    unsubscribe();
    expect(listeners.size).toBe(0);
    await expect(fake.callDevice({ roomType: 'voice', sn: 'SN_1', modelId: 'm' })).resolves.toEqual({ roomId: 'room-SN_1' });
  });
});
