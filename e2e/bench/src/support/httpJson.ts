import { request } from 'node:http';

/** One HTTP request with a JSON body, on a fresh connection (no agent): status and parsed body. */
export function httpJson(method: 'GET' | 'POST', url: string, body?: unknown): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    const text = body === undefined ? undefined : JSON.stringify(body);
    const req = request(url, { method, agent: false, headers: text === undefined ? {} : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        try {
          resolve({ status: res.statusCode ?? 0, body: raw === '' ? undefined : (JSON.parse(raw) as unknown) });
        } catch {
          resolve({ status: res.statusCode ?? 0, body: raw });
        }
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(text);
  });
}

/** The demo app's credentials and the snTicket request every server is measured with. */
export const DEMO = {
  appId: 'wx_demo_app',
  secret: 'demo-app-secret',
  snTicketBody: { sn: 'SN-LINUX-0001', model_id: 'model-linux-doorbell' },
} as const;

/** Fetches an access token of the demo app; undefined when the server does not answer one (yet). */
export async function demoToken(baseUrl: string): Promise<string | undefined> {
  const res = await httpJson('GET', `${baseUrl}/cgi-bin/token?grant_type=client_credential&appid=${DEMO.appId}&secret=${DEMO.secret}`);
  const token = (res.body as { access_token?: unknown } | undefined)?.access_token;
  return typeof token === 'string' ? token : undefined;
}

/** Asks for an snTicket of the demo doorbell; true when the answer carries one. */
export async function goodSnTicket(baseUrl: string, token: string): Promise<boolean> {
  const res = await httpJson('POST', `${baseUrl}/wxa/getsnticket?access_token=${encodeURIComponent(token)}`, DEMO.snTicketBody);
  const ticket = (res.body as { sn_ticket?: unknown } | undefined)?.sn_ticket;
  return res.status === 200 && typeof ticket === 'string' && ticket !== '';
}
