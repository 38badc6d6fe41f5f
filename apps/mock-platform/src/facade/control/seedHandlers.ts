import { CONTROL_API_VERSION, CONTROL_PREFIX, Seed, TRANSPORT_PREFIX, TRANSPORT_PROTOCOL_VERSION } from '@wxvoip/contracts';
import type { PlatformCore } from '../../core/platformCore.js';
import { validationProblem } from '../problems.js';
import { withTenant, type ControlHandlers } from './controlContext.js';
import { exportSeed, seedSummary } from '../../core/views/seedExport.js';

/** The seed an empty reset loads: no apps. */
const EMPTY_SEED = { apps: [] };

/**
 * `getInfo`, `loadSeed`, `exportSeed` and `reset`.
 *
 * - `loadSeed` replaces the namespace with the seed (`PlatformCore.reset(namespace, seed)`: calls end, parties get
 *   `bye: reset`, timers stop) and remembers it as the namespace's last loaded seed.
 * - `reset { to: 'seed' }` returns to that last loaded seed, or to the platform's seed when none was loaded through
 *   this facade [I: the platform seed is what the namespace was first loaded with]; `{ to: 'empty' }` leaves no apps
 *   (and does not change which seed is the last loaded one).
 * - `wipeState` forgets the namespace (or every namespace, `scope: 'all'`): calls end, its saved state file is deleted
 *   by the listening platform's store, it starts from the platform seed on its next use, and `reset` returns to the
 *   platform seed again (ADR 0015).
 */
export function seedHandlers(core: PlatformCore, version: string): Pick<ControlHandlers, 'getInfo' | 'loadSeed' | 'exportSeed' | 'reset' | 'wipeState'> {
  const lastSeeds = new Map<string, Seed>();
  return {
    getInfo: (request) =>
      withTenant(core, 'getInfo', request, () => ({
        status: 200,
        body: {
          name: 'wxvoip-mock',
          version,
          transportPrefix: TRANSPORT_PREFIX,
          transportProtocol: TRANSPORT_PROTOCOL_VERSION,
          controlPrefix: CONTROL_PREFIX,
          controlApiVersion: CONTROL_API_VERSION,
          namespaces: core.namespaces().map((namespace) => {
            const tenant = core.tenant(namespace);
            return { namespace, clockMode: tenant.state.clock.mode, parties: tenant.parties.list().length };
          }),
        },
      })),

    loadSeed: (request) =>
      withTenant(core, 'loadSeed', request, (context) => {
        // The adapter validated the body; parsing again keeps a hand-made call from reaching the core unchecked.
        const parsed = Seed.safeParse(request.body);
        if (!parsed.success) return validationProblem(parsed.error.issues, context.instance);
        core.reset(context.namespace, parsed.data);
        lastSeeds.set(context.namespace, parsed.data);
        return { status: 200, body: seedSummary(context.tenant) };
      }),

    exportSeed: (request) => withTenant(core, 'exportSeed', request, (context) => ({ status: 200, body: exportSeed(context.tenant) })),

    wipeState: (request) =>
      withTenant(core, 'wipeState', request, (context) => {
        const all = request.body.scope === 'all';
        const namespaces = core.wipe(all ? undefined : context.namespace);
        if (all) lastSeeds.clear();
        else lastSeeds.delete(context.namespace);
        return { status: 200, body: { scope: request.body.scope, namespaces, dataDir: core.storageLocation ?? null } };
      }),

    reset: (request) =>
      withTenant(core, 'reset', request, (context) => {
        core.reset(context.namespace, request.body.to === 'empty' ? EMPTY_SEED : lastSeeds.get(context.namespace));
        return { status: 200, body: seedSummary(context.tenant) };
      }),
  };
}
