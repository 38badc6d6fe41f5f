#!/usr/bin/env node
/**
 * `wxvoip-mock`: a listening mock platform. Run through `bin/wxvoip-mock.js` (the package's bin), `pnpm start` in
 * the repository, or `node dist/cli/main.js` after a build.
 */
import { demoSeed, type SeedInput } from '@wxvoip/contracts';
import { describeStorage } from '../platform/describeStorage.js';
import { AdminTokenRequiredError, startMockPlatform, type MockPlatform } from '../platform/mockPlatform.js';
import { StateFileError } from '../platform/parseStateFile.js';
import { callEvent } from './callEventLine.js';
import { capYoungGeneration, youngGenerationCapOf } from './capYoungGeneration.js';
import { cliLogger } from './cliLogger.js';
import { heapGrowthLimitOf, limitHeapGrowth } from './limitHeapGrowth.js';
import { loadSeedFile, SeedFileError } from './loadSeedFile.js';
import { MOCK_USAGE, parseMockArgs, type MockCliOptions } from './parseMockArgs.js';
import { pushUrlLine } from './pushUrlLine.js';

const print = (line: string) => process.stdout.write(`${line}\n`);

/** What the banner says the control API's guards do. */
function guardLine(options: MockCliOptions): string {
  return `/__admin and /__inspector: JSON bodies, same Origin, ${options.adminToken === undefined ? 'loopback Host only' : 'admin token required'}`;
}

/** Prints the banner: every URL printed answers 200. In JSON mode the banner is one log object instead. */
async function banner(platform: MockPlatform, options: MockCliOptions, seed: SeedInput | 'empty', json: boolean): Promise<void> {
  // The seed was validated before the platform started (loadSeedFile, or the contracts' demoSeed): the fields read
  // here are the same before and after defaults, so a second parse of the whole seed at start is not needed.
  const apps = seed === 'empty' ? [] : seed.apps;
  const push = await Promise.all(
    apps.filter((app) => app.pushConfig !== undefined).map(async (app) => ({ appId: app.appId, result: await platform.verifyPushUrl(app.appId) })),
  );
  const urls = { docs: `${platform.url}/docs`, control: `${platform.url}/__admin/info`, inspector: `${platform.url}/__inspector` };
  if (json) {
    platform.app.log.info({ url: platform.url, ...urls, clock: options.clock, guarded: guardLine(options), state: platform.storage?.dataDir ?? null, apps: apps.map((a) => a.appId), push: push.map((p) => ({ appId: p.appId, url: p.result.url.split('?')[0], ok: p.result.ok, reason: p.result.reason })) }, `wxvoip mock platform listening on ${platform.url}`);
    return;
  }
  print(`wxvoip mock platform listening on ${platform.url}`);
  print(`  docs:      ${urls.docs}`);
  print(`  control:   ${urls.control}`);
  print(`  inspector: ${urls.inspector}`);
  print(`  clock:     ${options.clock}`);
  print(`  state:     ${describeStorage(platform.storage)}`);
  print(`  guarded:   ${guardLine(options)}`);
  for (const app of apps) {
    print(`  app ${app.appId}: secret ${app.secret}`);
    print(`    token:  curl '${platform.url}/cgi-bin/token?grant_type=client_credential&appid=${app.appId}&secret=${app.secret}'`);
    const verified = push.find((p) => p.appId === app.appId);
    if (verified) print(`    push:   ${pushUrlLine(platform.url, app.appId, verified.result)}`);
  }
  print('Call events follow, one line each (--log-level debug adds every request; Ctrl-C stops).');
}

async function main(): Promise<number | undefined> {
  const options = parseMockArgs(process.argv.slice(2));
  if (options === 'help') {
    process.stdout.write(MOCK_USAGE);
    return 0;
  }
  if ('error' in options) {
    process.stderr.write(`wxvoip-mock: ${options.error}\n\n${MOCK_USAGE}`);
    return 2;
  }
  // This process is the CLI's own: keep V8's young generation near a bare server's under load, and the old
  // generation from filling with dropped journal entries between two full GCs (ADR 0037).
  const cap = youngGenerationCapOf(process.env, process.execArgv);
  const limit = heapGrowthLimitOf(process.env, process.execArgv);
  // A malformed memory setting is not an error worth refusing to start for, but it must not pass unnoticed.
  for (const setting of [cap, limit]) if ('invalid' in setting && setting.invalid) process.stderr.write(`wxvoip-mock: ${setting.reason}; V8's default is used (0 also keeps it, see the README)\n`);
  capYoungGeneration(cap);
  limitHeapGrowth(limit);
  const seed: SeedInput | 'empty' = options.seed === 'demo' ? demoSeed : options.seed === 'empty' ? 'empty' : await loadSeedFile(options.seed);
  const json = (options.logFormat ?? (process.stdout.isTTY === true ? 'pretty' : 'json')) === 'json';
  let platform: MockPlatform;
  try {
    platform = await startMockPlatform({
      host: options.host,
      port: options.port,
      seed,
      clock: options.clock,
      ...(options.dataDir === undefined ? {} : { dataDir: options.dataDir, wipeState: options.wipeState }),
      ...(options.adminToken === undefined ? {} : { adminToken: options.adminToken }),
      logger: cliLogger(options.logLevel, json ? 'json' : 'pretty', print),
      logRequests: false,
      followDemoPushUrl: true,
      verifyPushUrlsAtStart: false,
      onTenant: (tenant) => {
        tenant.rooms.observeStates((room, entry) => {
          const event = callEvent(tenant.state.namespace, room, entry);
          running?.app.log.info({ call: event.fields }, event.line);
        });
      },
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      process.stderr.write(`wxvoip-mock: port ${options.port} on ${options.host} is already in use; choose another with --port <n> (--port 0 picks a free one)\n`);
      return 1;
    }
    if ((error as NodeJS.ErrnoException).code === 'EADDRNOTAVAIL' || (error as NodeJS.ErrnoException).code === 'ENOTFOUND') {
      process.stderr.write(`wxvoip-mock: cannot listen on ${options.host}: not an address of this machine; choose another with --host <address>\n`);
      return 1;
    }
    throw error;
  }
  running = platform;
  // Signals first: a SIGTERM while the banner is printed still closes the platform (and saves its state).
  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    if (!json) print(`${signal}: closing the mock platform`);
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
  await banner(platform, options, seed, json);
  return undefined;
}

let running: MockPlatform | undefined;

main().then(
  (code) => {
    if (code !== undefined) process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof StateFileError || error instanceof AdminTokenRequiredError) {
      // A damaged or newer state file, or a non-loopback host without a token: the message says what to do.
      process.stderr.write(`wxvoip-mock: ${error.message}\n`);
      process.exitCode = 2;
      return;
    }
    if (error instanceof SeedFileError) process.stderr.write(`wxvoip-mock: ${error.message}\n`);
    else console.error(error);
    process.exitCode = 1;
  },
);
