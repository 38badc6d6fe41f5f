import { parseArgs } from 'node:util';
import { defaultDataDir } from '../platform/defaultDataDir.js';
import { ADMIN_TOKEN_ENV } from '../http/adminRefusal.js';

/** pino levels `--log-level` accepts, most to least verbose, plus `silent`. */
export const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const;
/** One `--log-level`. */
export type LogLevel = (typeof LOG_LEVELS)[number];

/** How log lines are written: one readable line each (a terminal) or pino's JSON (anything else). */
export type LogFormat = 'pretty' | 'json';

/** Options of `wxvoip-mock`, parsed and checked. */
export interface MockCliOptions {
  readonly host: string;
  readonly port: number;
  /** `demo`, `empty` or a seed file path. */
  readonly seed: string;
  readonly clock: 'real' | 'manual';
  readonly logLevel: LogLevel;
  /** Undefined: pretty on a TTY, JSON otherwise. */
  readonly logFormat: LogFormat | undefined;
  /** Where the state is kept across restarts; undefined with `--ephemeral` (memory only). */
  readonly dataDir: string | undefined;
  /** Delete the saved state before starting. */
  readonly wipeState: boolean;
  /** The token every `/__admin` and `/__inspector` request must carry (`--admin-token`, else `WXVOIP_ADMIN_TOKEN`). */
  readonly adminToken: string | undefined;
}

/** The `--help` text. */
export const MOCK_USAGE = `wxvoip-mock: a mock WeChat platform for hardware VoIP calls

Usage: wxvoip-mock [--host 127.0.0.1] [--port 3000] [--seed demo|empty|FILE] [--clock real|manual]
                   [--log-level info] [--log-format pretty|json]
                   [--data-dir DIR | --ephemeral] [--wipe-state] [--admin-token TOKEN]

  --host        address to bind (default 127.0.0.1); any other address needs --admin-token
  --port        port to listen on; 0 picks a free one (default 3000)
  --seed        demo (default), empty, or a JSON/YAML seed file (schema: Seed in @wxvoip/contracts); new and
                reset namespaces start from it, saved namespaces keep their state
  --clock       real (default) or manual (time moves only through POST /__admin/clock/advance)
  --log-level   trace | debug | info (default) | warn | error | fatal | silent
                info: one line per call event (created, ringing, talking, ended) and push URL checks;
                debug: also one line per HTTP request
  --log-format  pretty (default on a terminal) or json (default otherwise: one pino JSON object per line)
  --data-dir    where the state is kept across restarts (default: .wxvoip-mock in the directory you ran the
                command from): tokens, snTickets, device registrations, authorizations, licenses, billing;
                one file per namespace, written shortly after each change and at shutdown
  --ephemeral   keep nothing: the state lives in memory only and is gone when the process stops
  --wipe-state  delete the saved state in the data directory, then start from the seed
                (a running platform: POST /__admin/state/wipe)
  --admin-token token every /__admin and /__inspector request must carry (Authorization: Bearer TOKEN,
                or Basic with TOKEN as password); default: the WXVOIP_ADMIN_TOKEN environment variable
  --help        this text

The control API (/__admin) and the inspector (/__inspector) are guarded: state changes must be JSON, requests
from another Origin are refused, on loopback the Host must be a loopback name, and off loopback every request
needs the admin token. The emulated WeChat and transport routes are not guarded.
`;

/**
 * Parses `wxvoip-mock` arguments (after `node main.js`; a `--` that `pnpm start -- …` passes on is ignored). The one
 * place where the CLI's flags are declared: add a flag here and read it from the result.
 *
 * @example
 * parseMockArgs(['--port', '0', '--log-level', 'debug']); // { host: '127.0.0.1', port: 0, …, logLevel: 'debug' }
 */
export function parseMockArgs(argv: readonly string[], env: Readonly<Record<string, string | undefined>> = process.env): MockCliOptions | 'help' | { readonly error: string } {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv.filter((arg) => arg !== '--'),
      options: {
        host: { type: 'string', default: '127.0.0.1' },
        port: { type: 'string', default: '3000' },
        seed: { type: 'string', default: 'demo' },
        clock: { type: 'string', default: 'real' },
        'log-level': { type: 'string', default: 'info' },
        'log-format': { type: 'string' },
        'data-dir': { type: 'string' },
        ephemeral: { type: 'boolean', default: false },
        'wipe-state': { type: 'boolean', default: false },
        'admin-token': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
    }));
  } catch (error) {
    return { error: (error as Error).message };
  }
  if (values.help) return 'help';
  const port = Number(values.port);
  if (!/^\d+$/.test(values.port) || port > 65_535) return { error: `--port must be an integer from 0 to 65535, got "${values.port}"` };
  if (values.clock !== 'real' && values.clock !== 'manual') return { error: `--clock must be "real" or "manual", got "${values.clock}"` };
  const logLevel = values['log-level'] as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) return { error: `--log-level must be one of ${LOG_LEVELS.join(', ')}, got "${values['log-level']}"` };
  const logFormat = values['log-format'];
  if (logFormat !== undefined && logFormat !== 'pretty' && logFormat !== 'json') return { error: `--log-format must be "pretty" or "json", got "${logFormat}"` };
  if (values.ephemeral && (values['data-dir'] !== undefined || values['wipe-state'])) return { error: '--ephemeral keeps no state: it cannot be combined with --data-dir or --wipe-state' };
  const dataDir = values.ephemeral ? undefined : (values['data-dir'] ?? defaultDataDir(env));
  const token = values['admin-token'] ?? env[ADMIN_TOKEN_ENV];
  const adminToken = token === undefined || token === '' ? undefined : token;
  return { host: values.host, port, seed: values.seed, clock: values.clock, logLevel, logFormat, dataDir, wipeState: values['wipe-state'], adminToken };
}
