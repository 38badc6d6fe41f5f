import { NAMESPACE_HEADER, wechatApiContract } from '@wxvoip/contracts';

/**
 * What the developer's backend does to get an snTicket (D §4.1, §4.3): `GET /cgi-bin/token` with the AppSecret, then
 * `POST /wxa/getsnticket`. Devices must never hold an access_token; the CLI does this only as a stand-in for the
 * backend, when given `--app-secret`.
 *
 * @example
 * const ticket = await fetchSnTicket({ platform: 'http://127.0.0.1:4123', appId: 'wx_demo_app', secret: 'demo-app-secret', sn: 'SN-LINUX-0001', modelId: 'model-linux-doorbell' });
 */
export async function fetchSnTicket(args: { platform: string; appId: string; secret: string; sn: string; modelId: string; namespace?: string | undefined }): Promise<string> {
  const base = args.platform.replace(/\/+$/, '');
  const headers: Record<string, string> = args.namespace === undefined ? {} : { [NAMESPACE_HEADER]: args.namespace };
  const query = new URLSearchParams({ grant_type: 'client_credential', appid: args.appId, secret: args.secret });
  const token = (await (await fetch(`${base}${wechatApiContract.getAccessToken.path}?${query.toString()}`, { headers })).json()) as { access_token?: string; errcode?: number; errmsg?: string };
  if (token.access_token === undefined) throw new Error(`cgi-bin/token refused: ${token.errcode ?? '?'} ${token.errmsg ?? ''}`);
  const res = await fetch(`${base}${wechatApiContract.getSnTicket.path}?access_token=${encodeURIComponent(token.access_token)}`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify({ sn: args.sn, model_id: args.modelId }),
  });
  const ticket = (await res.json()) as { sn_ticket?: string; errcode?: number; errmsg?: string };
  if (ticket.sn_ticket === undefined || ticket.errcode !== 0) throw new Error(`wxa/getsnticket refused: ${ticket.errcode ?? '?'} ${ticket.errmsg ?? ''}`);
  return ticket.sn_ticket;
}
