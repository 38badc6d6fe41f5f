import type { LogFormat, LogLevel } from './parseMockArgs.js';

/** Where log lines go: stdout, or a test's array. */
export type LineSink = (line: string) => void;

const LEVEL_NAMES: Readonly<Record<number, string>> = { 10: 'TRACE', 20: 'DEBUG', 30: '', 40: 'WARN', 50: 'ERROR', 60: 'FATAL' };

function clockTime(ms: unknown): string {
  const date = new Date(typeof ms === 'number' ? ms : Date.now());
  return date.toTimeString().slice(0, 8);
}

/**
 * Turns one pino JSON line into one readable line: `HH:MM:SS  message`, with the level in front of anything but
 * `info`, and the error's message when there is one. Lines that are not JSON pass through unchanged.
 *
 * @example
 * prettyLine('{"level":40,"time":0,"msg":"push URL verification failed"}'); // '00:00:00  WARN push URL verification failed'
 */
export function prettyLine(json: string): string {
  let entry: { level?: unknown; time?: unknown; msg?: unknown; err?: { message?: unknown } };
  try {
    entry = JSON.parse(json) as typeof entry;
  } catch {
    return json.trimEnd();
  }
  const level = typeof entry.level === 'number' ? (LEVEL_NAMES[entry.level] ?? String(entry.level)) : '';
  const message = typeof entry.msg === 'string' ? entry.msg : '';
  const error = typeof entry.err?.message === 'string' && !message.includes(entry.err.message) ? `: ${entry.err.message}` : '';
  return `${clockTime(entry.time)}  ${level === '' ? '' : `${level} `}${message}${error}`;
}

/**
 * fastify's `logger` option for the CLI: pino at `level`, written as JSON lines, or through {@link prettyLine} for a
 * terminal. Request logs are not part of it: the server logs them at `debug` (see `logRequests: false`).
 *
 * @example
 * startMockPlatform({ logger: cliLogger('info', 'pretty', (line) => process.stdout.write(`${line}\n`)), logRequests: false });
 */
export function cliLogger(level: LogLevel, format: LogFormat, sink: LineSink): { level: LogLevel; stream: { write(chunk: string): void } } {
  return {
    level,
    stream: {
      write: (chunk: string) => {
        for (const line of chunk.split('\n')) if (line !== '') sink(format === 'json' ? line : prettyLine(line));
      },
    },
  };
}
