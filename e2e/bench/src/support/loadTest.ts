import autocannon from 'autocannon';
import { DEMO } from './httpJson.js';

/** What one load pass measured. */
export interface LoadResult {
  readonly requests: number;
  readonly seconds: number;
  readonly rps: number;
  /** Answers that were not a good snTicket (errors, non-2xx, bodies without `sn_ticket`). */
  readonly bad: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
}

/** Seconds of each measured load pass (WXVOIP_BENCH_SECONDS, default 5). */
export const PASS_SECONDS = Number(process.env['WXVOIP_BENCH_SECONDS'] ?? 5);

/** Connections of every load pass (issue 19: 50). */
export const CONNECTIONS = 50;

/**
 * `POST /wxa/getsnticket?access_token=…` with the demo doorbell's valid body, from `connections` connections on
 * loopback for `seconds`, with autocannon in this process. Every answer must carry an `sn_ticket`.
 */
export async function snTicketLoad(baseUrl: string, token: string, seconds = PASS_SECONDS, connections = CONNECTIONS): Promise<LoadResult> {
  const result = await autocannon({
    url: `${baseUrl}/wxa/getsnticket?access_token=${encodeURIComponent(token)}`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(DEMO.snTicketBody),
    connections,
    duration: seconds,
    verifyBody: (body) => String(body).includes('"sn_ticket"'),
  });
  const requests = result.requests.total;
  return {
    requests,
    seconds,
    rps: requests / seconds,
    bad: result.errors + result.timeouts + result.non2xx + result.mismatches,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
  };
}
