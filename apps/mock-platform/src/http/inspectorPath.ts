/**
 * Where the fastify server serves the inspector page. The control API's guards (`adminRefusal`) cover it in both
 * adapters; the msw adapter does not serve the page itself.
 */
export const INSPECTOR_PATH = '/__inspector';
