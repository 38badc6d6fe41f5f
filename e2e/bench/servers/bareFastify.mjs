// Baseline 1 of `pnpm bench`: bare fastify 5 (the repo's pinned version) answering the emulated snTicket route with a
// static reply. No validation, no state, no log. Usage: node servers/bareFastify.mjs PORT
import process from 'node:process';
import Fastify from 'fastify';

const port = Number(process.argv[2] ?? 0);
const app = Fastify({ logger: false });
const reply = { errcode: 0, errmsg: 'ok', sn_ticket: 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6' };
app.get('/cgi-bin/token', async () => ({ access_token: 'static-token', expires_in: 7200 }));
app.post('/wxa/getsnticket', async () => reply);
await app.listen({ host: '127.0.0.1', port });
process.stdout.write(`listening ${port}\n`);
