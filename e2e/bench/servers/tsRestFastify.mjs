// Baseline 2 of `pnpm bench`: fastify 5 + @ts-rest/fastify + zod (the repo's pinned versions) serving the same
// snTicket route with the same request shape, validated (query and body), answering a static ticket. No state, no
// log. Usage: node servers/tsRestFastify.mjs PORT
import process from 'node:process';
import { initContract } from '@ts-rest/core';
import { initServer } from '@ts-rest/fastify';
import Fastify from 'fastify';
import { z } from 'zod';

const port = Number(process.argv[2] ?? 0);
const c = initContract();
const Sn = z.string().min(1).max(128).regex(/^[0-9A-Za-z_-]+$/);
const contract = c.router(
  {
    getAccessToken: {
      method: 'GET',
      path: '/cgi-bin/token',
      query: z.object({ grant_type: z.literal('client_credential'), appid: z.string().min(1), secret: z.string().min(1) }),
      responses: { 200: z.object({ access_token: z.string(), expires_in: z.number() }) },
    },
    getSnTicket: {
      method: 'POST',
      path: '/wxa/getsnticket',
      query: z.object({ access_token: z.string().min(1) }),
      body: z.object({ sn: Sn, model_id: z.string().min(1).max(128) }),
      responses: { 200: z.object({ errcode: z.literal(0), errmsg: z.string(), sn_ticket: z.string().min(1) }) },
    },
  },
  { strictStatusCodes: true },
);
const app = Fastify({ logger: false });
const s = initServer();
s.registerRouter(
  contract,
  s.router(contract, {
    getAccessToken: async () => ({ status: 200, body: { access_token: 'static-token', expires_in: 7200 } }),
    getSnTicket: async () => ({ status: 200, body: { errcode: 0, errmsg: 'ok', sn_ticket: 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6' } }),
  }),
  app,
  { logInitialization: false },
);
await app.listen({ host: '127.0.0.1', port });
process.stdout.write(`listening ${port}\n`);
