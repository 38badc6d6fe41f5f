import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { preHandlerError, type FrameworkRefusalKind } from '../http/errorResponses.js';
import { JSON_CONTENT_TYPE, PROBLEM_CONTENT_TYPE } from '../http/requestErrors.js';

const answered = new WeakSet<Duplex>();

/** How long a refused socket may keep sending (the rest of a body) before it is closed, in ms. */
const LINGER_MS = 2_000;

/**
 * Answers a request on a bare socket, outside fastify (the HTTP parser refused it, or it asked for an upgrade that
 * cannot be served): one HTTP/1.1 response in the shape of the API its path belongs to, then `Connection: close`.
 * Whatever the client still sends is read and dropped until it is done (or {@link LINGER_MS} passed), so that it
 * reads the answer instead of a connection reset.
 */
export function rawAnswer(socket: Duplex, kind: FrameworkRefusalKind, method: string, url: string, detail: string): void {
  // Node's parser reports every later chunk of a refused request again: answer once.
  if (answered.has(socket) || socket.destroyed || !socket.writable) return;
  answered.add(socket);
  const { status, body } = preHandlerError(kind, method, url, detail);
  const text = JSON.stringify(body);
  const headers = [
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Error'}`,
    `Content-Type: ${'type' in body ? PROBLEM_CONTENT_TYPE : JSON_CONTENT_TYPE}`,
    `Content-Length: ${Buffer.byteLength(text)}`,
    ...(kind === 'upgradeRequired' ? ['Upgrade: websocket'] : []),
    'Connection: close',
  ];
  socket.on('error', () => socket.destroy());
  socket.resume();
  const timer = setTimeout(() => socket.destroy(), LINGER_MS);
  timer.unref();
  socket.once('close', () => clearTimeout(timer));
  socket.end(`${headers.join('\r\n')}\r\n\r\n${method === 'HEAD' ? '' : text}`);
}

/**
 * The method and path of the request at the start of `packet` (the bytes Node's parser was reading when it gave up),
 * so that the refusal answers in that path's API shape; `/` when the request line cannot be found.
 */
export function requestLineOf(packet: Buffer | undefined): { method: string; url: string } {
  const text = packet?.subarray(0, 8192).toString('latin1') ?? '';
  const match = /^([A-Z]{1,16}) (\S{1,8000})/.exec(text);
  return match ? { method: match[1]!, url: match[2]! } : { method: 'GET', url: '/' };
}
