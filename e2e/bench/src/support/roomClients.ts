/**
 * A client process of the talking-rooms figure: it sets up `count` phone → doorbell calls (from pair `from`) on the
 * platform at `url` over the transport API and real WebSockets, answers every ping, sends each joined party's room
 * heartbeat, and tells its parent (IPC) when all its rooms are talking. A second message from the parent ends it.
 * It starts no new call after DEADLINE (epoch ms), so the figure stays bounded in time on a slow machine.
 * Usage (by talkingRooms.ts): node --import tsx roomClients.ts URL FROM COUNT DEADLINE
 */
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { platformTransportContract as routes } from '@wxvoip/contracts';
import { WebSocket } from 'ws';
import { BENCH_APP, BENCH_MODEL, benchOpenId, benchSn } from './benchSeed.js';

const [url = '', fromText, countText, deadlineText] = process.argv.slice(2);
const deadline = Number(deadlineText ?? Infinity);
const from = Number(fromText);
const count = Number(countText);
const HEARTBEAT_MS = 10_000;
const CONCURRENCY = 32;
// Longer than every platform timer that can end an unanswered call (ring 60 s), so only a dead call times out.
const TALK_WAIT_MS = 90_000;

// A bounded keep-alive pool: thousands of heartbeats must not open thousands of connections (each is a file
// descriptor in the platform process, which also holds every push channel).
const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
let retries = 0;
let failed = 0;
let firstFailure: string | undefined;

/** One POST on the pool: status and parsed body. */
function send(path: string, token: string | null, body: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const text = body === undefined ? undefined : JSON.stringify(body);
  const headers: Record<string, string | number> = { ...(token === null ? {} : { authorization: `Bearer ${token}` }), ...(text === undefined ? {} : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) }) };
  return new Promise((resolve, reject) => {
    const req = request(`${url}${path}`, { method: 'POST', agent, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown> }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(text);
  });
}

/** A POST of the transport API; fails on anything but a success body. A reused connection the server had just closed is retried. */
async function post(path: string, token: string | null, body?: unknown): Promise<Record<string, unknown>> {
  for (let attempt = 1; ; attempt++) {
    try {
      const { status, json } = await send(path, token, body);
      if (status !== 200 || json['errcode'] !== 0) throw new Error(`${path}: HTTP ${status} ${JSON.stringify(json)}`);
      return json;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ECONNRESET' || attempt >= 3) throw error;
      retries++;
    }
  }
}

interface Party {
  readonly token: string;
  readonly socket: WebSocket;
  talking: Promise<void>;
}

/** Connects a party and opens its push channel; `talking` resolves on its first talking push. */
async function connect(identity: Record<string, unknown>): Promise<Party> {
  const data = (await post(routes.connectParty.path, null, identity)) as { credential: { token: string }; pushChannel: { path: string } };
  const token = data.credential.token;
  const socket = new WebSocket(`${url.replace('http', 'ws')}${data.pushChannel.path}?access_token=${encodeURIComponent(token)}`);
  let markTalking = () => undefined as void;
  let markGone = (_error: Error) => undefined as void;
  const talking = new Promise<void>((resolve, reject) => {
    markTalking = resolve;
    markGone = reject;
  });
  // Handled here too: a party whose call was never placed (its peer failed to connect) has no one awaiting it.
  talking.catch(() => undefined);
  // A channel the platform closed (the party vanished, or the call aborted on a stalled machine) will never talk.
  socket.once('close', (code: number) => markGone(new Error(`push channel closed (${code}) before talking`)));
  socket.on('message', (raw: Buffer) => {
    const text = raw.toString('utf8');
    if (text.includes('"ping"')) {
      const message = JSON.parse(text) as { type: string; seq: number };
      if (message.type === 'ping') socket.send(JSON.stringify({ type: 'pong', seq: message.seq }));
    } else if (text.includes('"startVoip"') || text.includes('"deviceStatus"')) markTalking();
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  return { token, socket, talking };
}

/**
 * Both parties' first talking push, or a failure after TALK_WAIT_MS: a call that aborted (a platform timer fired
 * while the machine stalled) sends no talking push, and waiting for it would hang the figure.
 */
function untilTalking(talking: Promise<void>[]): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no talking push within ${TALK_WAIT_MS / 1000} s`)), TALK_WAIT_MS);
  });
  return Promise.race([Promise.all(talking).then(() => undefined), late]).finally(() => clearTimeout(timer));
}

const timers: NodeJS.Timeout[] = [];
let heartbeatFailures = 0;
const started = performance.now();
let next = from;
async function worker(): Promise<void> {
  while (next < from + count && Date.now() < deadline) {
    const i = next++;
    try {
      const phone = await connect({ kind: 'wechatPlugin', appId: BENCH_APP, openId: benchOpenId(i) });
      const door = await connect({ kind: 'linuxDevice', appId: BENCH_APP, sn: benchSn(i), modelId: BENCH_MODEL });
      const created = (await post(routes.callDevice.path, phone.token, { roomType: 'voice', sn: benchSn(i), modelId: BENCH_MODEL })) as { roomId: string };
      const room = encodeURIComponent(created.roomId);
      await post(routes.joinRoomAsCaller.path.replace(':roomId', room), phone.token);
      await post(routes.linuxListenerJoin.path, door.token, { roomId: created.roomId });
      try {
        await untilTalking([phone.talking, door.talking]);
      } catch (error) {
        phone.socket.close();
        door.socket.close();
        throw error;
      }
      // Media keep-alive: both parties beat well inside the platform's 30 s media-silence timeout.
      const beat = routes.roomHeartbeat.path.replace(':roomId', room);
      timers.push(setInterval(() => void Promise.all([post(beat, phone.token), post(beat, door.token)]).catch(() => heartbeatFailures++), HEARTBEAT_MS));
    } catch (error) {
      // A room that could not be set up (the machine stalled past a platform timer) is counted, not fatal.
      failed++;
      firstFailure ??= (error as Error).message;
    }
  }
}
await Promise.all(Array.from({ length: CONCURRENCY }, () => worker()));
const setupMs = performance.now() - started;

process.send?.({ ready: true, rooms: timers.length, setupMs, retries, failed, firstFailure });
process.once('message', () => {
  for (const timer of timers) clearInterval(timer);
  process.send?.({ heartbeatFailures }, () => process.exit(0));
});
