import type { SimulatedWmpfVoip } from '../simulator/createWmpfVoipSimulator.js';

/**
 * One object that is always the current test's plugin simulator: every member read goes to `current()`. Mini-program
 * code binds `const wmpfVoip = requirePlugin('wmpf-voip').default` once, at module level; this object is what it gets,
 * so the binding stays correct when the testbed replaces the simulator between tests. It cannot be written to.
 *
 * @example
 * const live = createLivePlugin(() => t.wmpfVoip);
 * live.callDevice(req); // the callDevice of whichever simulator the current test has
 */
export function createLivePlugin<P extends SimulatedWmpfVoip>(current: () => P): P {
  const readOnly = (what: string): never => {
    throw new TypeError(`[wxvoip] requirePlugin('wmpf-voip').default cannot be changed (${what}): the real plugin object is frozen to mini-program code`);
  };
  return new Proxy({} as P, {
    get: (_target, key) => Reflect.get(current(), key),
    has: (_target, key) => Reflect.has(current(), key),
    ownKeys: () => Reflect.ownKeys(current()),
    getOwnPropertyDescriptor: (_target, key) => {
      const descriptor = Reflect.getOwnPropertyDescriptor(current(), key);
      // A proxy may only report a non-configurable property its target really has: report them all as configurable.
      return descriptor === undefined ? undefined : { ...descriptor, configurable: true };
    },
    getPrototypeOf: () => Reflect.getPrototypeOf(current()),
    set: (_target, key) => readOnly(`set ${String(key)}`),
    defineProperty: (_target, key) => readOnly(`define ${String(key)}`),
    deleteProperty: (_target, key) => readOnly(`delete ${String(key)}`),
  });
}
