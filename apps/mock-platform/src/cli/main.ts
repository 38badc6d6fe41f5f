#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { demoSeed, Seed, type SeedInput } from '@wxvoip/contracts';
import { AdminTokenRequiredError, startMockPlatform } from '../platform/mockPlatform.js';
import { ADMIN_TOKEN_ENV } from '../server/adminRefusal.js';
import { loadSeedFile, SeedFileError } from './loadSeedFile.js';

const HELP = `wxvoip-mock: a mock WeChat platform for hardware VoIP calls

Usage: wxvoip-mock [--host 127.0.0.1] [--port 3000] [--seed demo|empty|FILE] [--clock real|manual] [--admin-token TOKEN]

  --host   address to bind (default 127.0.0.1); any other address needs --admin-token
  --admin-token  token every /__admin and /__inspector request must carry (Authorization: Bearer TOKEN,
           or Basic with TOKEN as password); default: the WXVOIP_ADMIN_TOKEN environment variable
  --port   port to listen on; 0 picks a free one (default 3000)
  --seed   demo (default), empty, or a JSON/YAML seed file (schema: Seed in @wxvoip/contracts)
  --clock  real (default) or manual (time moves only through POST /__admin/clock/advance)
  --help   this text

The control API (/__admin) and the inspector (/__inspector) are guarded: state changes must be JSON, requests
from another Origin are refused, on loopback the Host must be a loopback name, and off loopback every request
needs the admin token. The emulated WeChat and transport routes are not guarded.`;

/** Parses the command line; exits with a message on bad flags. */
function options(argv: string[]) {
  const { values } = parseArgs({
    args: argv.filter((arg) => arg !== '--'),
    options: {
      host: { type: 'string', default: '127.0.0.1' },
      port: { type: 'string', default: '3000' },
      seed: { type: 'string', default: 'demo' },
      clock: { type: 'string', default: 'real' },
      'admin-token': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new SeedFileError(`--port must be an integer from 0 to 65535, got "${values.port}"`);
  if (values.clock !== 'real' && values.clock !== 'manual') throw new SeedFileError(`--clock must be "real" or "manual", got "${values.clock}"`);
  const clock: 'real' | 'manual' = values.clock;
  const adminToken = values['admin-token'] ?? process.env[ADMIN_TOKEN_ENV] ?? undefined;
  return { host: values.host, port, seed: values.seed, clock, help: values.help, adminToken: adminToken === '' ? undefined : adminToken };
}

async function main(): Promise<void> {
  const args = options(process.argv.slice(2));
  if (args.help) {
    console.log(HELP);
    return;
  }
  const seed: SeedInput | 'empty' = args.seed === 'demo' ? demoSeed : args.seed === 'empty' ? 'empty' : await loadSeedFile(args.seed);
  const pretty = process.stdout.isTTY === true;
  const platform = await startMockPlatform({
    host: args.host,
    port: args.port,
    seed,
    clock: args.clock,
    ...(args.adminToken === undefined ? {} : { adminToken: args.adminToken }),
    logger: pretty ? { level: 'info', transport: { target: 'pino-pretty', options: { translateTime: 'HH:MM:ss.l', ignore: 'pid,hostname' } } } : { level: 'info' },
  });
  const apps = seed === 'empty' ? [] : Seed.parse(seed).apps;
  console.log(`wxvoip mock platform listening on ${platform.url}`);
  console.log(`  docs:      ${platform.url}/docs`);
  console.log(`  control:   ${platform.url}/__admin`);
  console.log(`  inspector: ${platform.url}/__inspector`);
  console.log(`  clock:     ${args.clock}`);
  console.log(`  guarded:   /__admin and /__inspector: JSON bodies, same Origin, ${args.adminToken === undefined ? 'loopback Host only' : 'admin token required'}`);
  for (const app of apps) {
    console.log(`  app ${app.appId}: secret ${app.secret}`);
    console.log(`    token:  curl '${platform.url}/cgi-bin/token?grant_type=client_credential&appid=${app.appId}&secret=${app.secret}'`);
  }
  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    console.log(`\n${signal}: closing the mock platform`);
    platform.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error instanceof SeedFileError || error instanceof AdminTokenRequiredError || (error instanceof Error && error.name === 'TypeError' && 'code' in error) ? `wxvoip-mock: ${error.message}` : error);
  console.error('Run wxvoip-mock --help for usage.');
  process.exit(2);
});
