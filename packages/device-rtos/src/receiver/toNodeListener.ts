import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CallbackReceiver } from './createCallbackReceiver.js';

/** A Node request, possibly with a body some middleware already read (express `text()`/`raw()` parsers set `body`). */
type NodeRequest = IncomingMessage & { body?: unknown };

async function readBody(req: NodeRequest): Promise<string> {
  if (typeof req.body === 'string') return req.body;
  if (Buffer.isBuffer(req.body)) return req.body.toString('utf8');
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Converts a Node request into a web-standard `Request` (absolute URL from the `host` header, headers, body). The body
 * is read from the stream, or taken from `req.body` when a middleware already read it as a string or Buffer.
 *
 * @example
 * const response = await receiver(await toWebRequest(req));
 */
export async function toWebRequest(req: NodeRequest, origin?: string): Promise<Request> {
  const base = origin ?? `http://${req.headers.host ?? '127.0.0.1'}`;
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else if (value !== undefined) headers.set(name, value);
  }
  const method = req.method ?? 'GET';
  const body = method === 'GET' || method === 'HEAD' ? undefined : await readBody(req);
  return new Request(new URL(req.url ?? '/', base), { method, headers, ...(body === undefined ? {} : { body }) });
}

/** Writes a web-standard `Response` to a Node response (status, headers, body). */
export async function writeWebResponse(response: Response, res: ServerResponse): Promise<void> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => (headers[name] = value));
  res.writeHead(response.status, headers);
  res.end(Buffer.from(await response.arrayBuffer()));
}

/**
 * Wraps a {@link CallbackReceiver} as a Node `(req, res)` listener, for `node:http`, `https` and express (mount it
 * before any body parser, or after `express.text({ type: '*\/*' })`). A receiver that throws answers 500.
 *
 * @example
 * import { createServer } from 'node:http';
 * createServer(toNodeListener(receiver)).listen(3000);
 * // express: app.all('/wechat/callback', toNodeListener(receiver));
 */
export function toNodeListener(receiver: CallbackReceiver): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    void (async () => {
      try {
        await writeWebResponse(await receiver(await toWebRequest(req)), res);
      } catch (error) {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
        res.end(`the receiver failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    })();
  };
}
