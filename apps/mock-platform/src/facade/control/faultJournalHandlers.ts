import type { PlatformCore } from '../../core/platformCore.js';
import { notFoundProblem } from '../problems.js';
import { withTenant, type ControlHandlers } from './controlContext.js';

type FaultJournalRoutes = 'listFaults' | 'addFault' | 'deleteFault' | 'clearFaults' | 'getJournal' | 'clearJournal';

/**
 * Faults (`FaultBook`: add, list, delete one, clear; an unknown faultId is a 404) and the journal (query, clear; seq
 * keeps growing across a clear, so a poller's `since` stays meaningful).
 */
export function faultJournalHandlers(core: PlatformCore): Pick<ControlHandlers, FaultJournalRoutes> {
  return {
    listFaults: (request) => withTenant(core, 'listFaults', request, ({ tenant }) => ({ status: 200, body: { faults: tenant.faults.list() } })),

    addFault: (request) => withTenant(core, 'addFault', request, ({ tenant }) => ({ status: 201, body: tenant.faults.add(request.body) })),

    deleteFault: (request) =>
      withTenant(core, 'deleteFault', request, (context) =>
        context.tenant.faults.delete(request.params.faultId)
          ? { status: 204, body: undefined }
          : notFoundProblem('fault', request.params.faultId, context.namespace, context.instance),
      ),

    clearFaults: (request) =>
      withTenant(core, 'clearFaults', request, ({ tenant }) => {
        tenant.faults.clear();
        return { status: 204, body: undefined };
      }),

    getJournal: (request) => withTenant(core, 'getJournal', request, ({ tenant }) => ({ status: 200, body: tenant.state.journal.query(request.query) })),

    clearJournal: (request) =>
      withTenant(core, 'clearJournal', request, ({ tenant }) => {
        tenant.state.journal.clear();
        return { status: 204, body: undefined };
      }),
  };
}
