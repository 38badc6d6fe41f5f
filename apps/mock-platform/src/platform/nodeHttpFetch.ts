import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { CallbackFetch } from '../http/callbacks/callbackSender.js';

/**
 * A {@link CallbackFetch} on `node:http`/`node:https`: one request, no redirect followed, the body read as UTF-8.
 * A listening platform verifies push URLs with it at start, so that the CLI does not load Node's `fetch` (undici, about
 * 70 ms of a start on the 2-core machine; issue 19) before it answers its first request. A network error rejects with
 * an Error whose `cause` is the socket error, like `fetch`'s "fetch failed".
 *
 * @example
 * await verifyPushUrl(config, { fetch: nodeHttpFetch });
 */
export const nodeHttpFetch: CallbackFetch = (url, init) =>
  new Promise((resolve, reject) => {
    const target = new URL(url);
    const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = send(target, { method: init.method, headers: init.headers, signal: init.signal }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', (error) => reject(new Error('fetch failed', { cause: error })));
      res.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, text: () => Promise.resolve(body) });
      });
    });
    req.on('error', (error) => reject(new Error('fetch failed', { cause: error })));
    req.end(init.body);
  });
