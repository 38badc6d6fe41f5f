import { connect } from 'node:net';

/** One HTTP/1.1 answer read off a raw socket. */
export interface RawAnswer {
  /** Status code of the (last, final) response; 0 when none arrived. */
  readonly status: number;
  /** Response headers, lower-case names. */
  readonly headers: Readonly<Record<string, string>>;
  /** Body bytes decoded as UTF-8. */
  readonly body: string;
  /** Whether the connection was reset or closed before a whole response arrived. */
  readonly dropped: boolean;
  /** The error that ended the socket early, if any. */
  readonly error?: string;
}

/**
 * Sends `request` (any bytes, as a whole or in parts) over a fresh TCP connection to 127.0.0.1:`port` and reads one
 * final response (interim `1xx` answers are skipped). Resolves when the response is complete by `Content-Length`, or
 * when the server closes; `dropped` says the connection ended without a complete response.
 */
export function rawRequest(port: number, request: Buffer | string | readonly (Buffer | string)[], timeoutMs = 30_000): Promise<RawAnswer> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    const first = typeof request === 'string' || Buffer.isBuffer(request) ? request : request[0];
    const head = String(first ?? '').startsWith('HEAD ');
    const chunks: Buffer[] = [];
    let settled = false;
    const finish = (answer: RawAnswer) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(answer);
    };
    const timer = setTimeout(() => finish({ ...parse(Buffer.concat(chunks), head), dropped: true, error: 'timeout' }), timeoutMs);
    socket.on('connect', () => {
      const parts = typeof request === 'string' || Buffer.isBuffer(request) ? [request] : request;
      for (const part of parts) socket.write(part);
    });
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      const parsed = parse(Buffer.concat(chunks), head);
      if (parsed.complete) finish({ ...parsed, dropped: false });
    });
    socket.on('error', (error: NodeJS.ErrnoException) => {
      const parsed = parse(Buffer.concat(chunks), head);
      finish({ ...parsed, dropped: !parsed.complete, error: error.code ?? error.message });
    });
    socket.on('close', () => {
      const parsed = parse(Buffer.concat(chunks), head);
      finish({ ...parsed, dropped: !parsed.complete });
    });
  });
}

/**
 * Parses the final response in `data`; `complete` once its body is all there (at the end of the head for a HEAD
 * request and for 101 Switching Protocols, whose bytes after the head are WebSocket frames).
 */
function parse(data: Buffer, head: boolean): Omit<RawAnswer, 'dropped'> & { complete: boolean } {
  let offset = 0;
  for (;;) {
    const end = data.indexOf('\r\n\r\n', offset);
    if (end < 0) return { status: 0, headers: {}, body: '', complete: false };
    const lines = data.subarray(offset, end).toString('latin1').split('\r\n');
    const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(lines[0] ?? '')?.[1] ?? 0);
    const headers: Record<string, string> = {};
    for (const line of lines.slice(1)) {
      const colon = line.indexOf(':');
      if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
    }
    if (status >= 100 && status < 200 && status !== 101) {
      offset = end + 4;
      continue;
    }
    if (head || status === 101) return { status, headers, body: '', complete: true };
    if (headers['transfer-encoding'] === 'chunked') return { status, headers, ...dechunk(data.subarray(end + 4)) };
    const length = Number(headers['content-length'] ?? 0);
    const body = data.subarray(end + 4, end + 4 + length);
    return { status, headers, body: body.toString('utf8'), complete: body.length === length };
  }
}

/** Decodes a chunked body; `complete` once the last chunk arrived. */
function dechunk(data: Buffer): { body: string; complete: boolean } {
  const parts: Buffer[] = [];
  let offset = 0;
  for (;;) {
    const lineEnd = data.indexOf('\r\n', offset);
    if (lineEnd < 0) return { body: Buffer.concat(parts).toString('utf8'), complete: false };
    const size = parseInt(data.subarray(offset, lineEnd).toString('latin1'), 16);
    if (size === 0) return { body: Buffer.concat(parts).toString('utf8'), complete: true };
    if (!Number.isFinite(size) || lineEnd + 2 + size + 2 > data.length) return { body: Buffer.concat(parts).toString('utf8'), complete: false };
    parts.push(data.subarray(lineEnd + 2, lineEnd + 2 + size));
    offset = lineEnd + 2 + size + 2;
  }
}
