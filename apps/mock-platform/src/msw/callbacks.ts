import type { PlatformTenant } from '../core/platformTenant.js';
import { attachCallbackSender, type AttachCallbackSenderOptions, type AttachedCallbackSender } from '../http/callbacks/index.js';

/**
 * Attaches the callback sender to a tenant for in-process tests: `iot_voip_notify` is POSTed with the global
 * `fetch`, looked up at each attempt, so once `setupServer(...)` listens, an msw handler for the app's push URL
 * receives it (signed and, in secure mode, encrypted exactly as over the network). `createMockPlatform` already
 * does this for every namespace; use this (or {@link inProcessCallbacks}) with a `PlatformCore` you build yourself.
 *
 * @example
 * const { log } = attachInProcessCallbacks(core.tenant());
 */
export function attachInProcessCallbacks(tenant: PlatformTenant, options: AttachCallbackSenderOptions = {}): AttachedCallbackSender {
  return attachCallbackSender(tenant, options);
}

/**
 * An `onTenant` hook for `new PlatformCore({ onTenant })` that attaches the in-process callback sender to every
 * namespace, including namespaces created later and those recreated by a reset.
 *
 * @example
 * const core = new PlatformCore({ seed: demoSeed, onTenant: inProcessCallbacks() });
 * const server = setupServer(...createHandlers(core), http.post('http://127.0.0.1:3000/wechat/callback', receive));
 */
export function inProcessCallbacks(options: AttachCallbackSenderOptions = {}): (tenant: PlatformTenant) => void {
  return (tenant) => {
    attachCallbackSender(tenant, options);
  };
}
