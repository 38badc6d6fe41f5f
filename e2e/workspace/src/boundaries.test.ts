import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const eslint = new ESLint({ cwd: root });

/** Lints `code` as if it were the file at `path` (relative to the repo root) and returns the rule ids that fired. */
async function firedRules(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${root}${path}` });
  return (result?.messages ?? []).map((m) => m.ruleId ?? `fatal: ${m.message}`);
}

describe('dependency rules from DESIGN.md', () => {
  // The first lint loads the config and builds Nx's project graph (seconds on a busy 2-core machine): do it once here,
  // so no single case pays for it against the 5 s test timeout.
  beforeAll(async () => {
    await firedRules('packages/contracts/src/warm-up.ts', 'export const warm = 1;');
  }, 60_000);

  it.each([
    ['contracts imports the platform', 'packages/contracts/src/x.ts', "import '@wxvoip/mock-platform';", '@nx/enforce-module-boundaries'],
    ['contracts imports a Node built-in', 'packages/contracts/src/x.ts', "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;", 'no-restricted-imports'],
    ['contracts imports fastify', 'packages/contracts/src/x.ts', "import fastify from 'fastify';\nexport const f = fastify;", 'no-restricted-imports'],
    ['contracts imports msw', 'packages/contracts/src/x.ts', "import { http } from 'msw';\nexport const h = http;", 'no-restricted-imports'],
    ['contracts uses the Buffer global', 'packages/contracts/src/x.ts', "export const b = Buffer.from('a');", 'no-restricted-globals'],
    ['plugin runtime imports node:fs', 'packages/plugin/src/x.ts', "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;", 'no-restricted-imports'],
    ['plugin runtime imports crypto (no prefix)', 'packages/plugin/src/x.ts', "import { createHash } from 'crypto';\nexport const c = createHash;", 'no-restricted-imports'],
    ['plugin runtime imports the platform', 'packages/plugin/src/x.ts', "import '@wxvoip/mock-platform';", '@nx/enforce-module-boundaries'],
    ['device-linux runtime imports the platform', 'packages/device-linux/src/x.ts', "import '@wxvoip/mock-platform';", '@nx/enforce-module-boundaries'],
    ['device-rtos runtime imports the plugin', 'packages/device-rtos/src/x.ts', "import '@wxvoip/plugin';", '@nx/enforce-module-boundaries'],
    ['platform runtime imports a device SDK', 'apps/mock-platform/src/x.ts', "import '@wxvoip/device-linux';", '@nx/enforce-module-boundaries'],
    ['platform core imports node:http', 'apps/mock-platform/src/core/x.ts', "import { createServer } from 'node:http';\nexport const s = createServer;", 'no-restricted-imports'],
    ['platform core imports fastify', 'apps/mock-platform/src/core/x.ts', "import fastify from 'fastify';\nexport const f = fastify;", 'no-restricted-imports'],
    ['platform core calls setTimeout', 'apps/mock-platform/src/core/x.ts', 'export const t = setTimeout;', 'no-restricted-globals'],
    ['example mini-program code uses process', 'examples/doorbell-miniprogram/miniprogram/pages/x/x.js', 'Page({ data: { env: process.env } })', 'no-restricted-globals'],
    ['example mini-program code requires a package', 'examples/doorbell-miniprogram/miniprogram/pages/x/x.js', "const plugin = require('@wxvoip/plugin')\nPage({ data: { plugin } })", 'no-restricted-syntax'],
    ['example mini-program code requires a Node built-in', 'examples/doorbell-miniprogram/miniprogram/pages/x/x.js', "const fs = require('fs')\nPage({ data: { fs } })", 'no-restricted-syntax'],
  ])('%s is a lint error', async (_name, path, code, rule) => {
    expect(await firedRules(path, code)).toContain(rule);
  });

  it.each([
    ['contracts imports zod', 'packages/contracts/src/x.ts', "import { z } from 'zod';\nexport const s = z.string();"],
    ['plugin imports contracts', 'packages/plugin/src/x.ts', "import { Sn } from '@wxvoip/contracts';\nexport const s = Sn;"],
    ['a plugin test drives the platform', 'packages/plugin/src/x.test.ts', "import '@wxvoip/mock-platform';"],
    ['a device test uses node:fs', 'packages/device-linux/src/x.test.ts', "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;"],
    ['the platform adapter imports node:http', 'apps/mock-platform/src/server/x.ts', "import { createServer } from 'node:http';\nexport const s = createServer;"],
    ['the flows import every package', 'e2e/flows/src/x.test.ts', "import '@wxvoip/mock-platform';\nimport '@wxvoip/plugin';\nimport '@wxvoip/device-linux';"],
    [
      'example mini-program code uses the mini-program globals and its own files',
      'examples/doorbell-miniprogram/miniprogram/pages/x/x.js',
      "const util = require('../../utils/util.js')\nconst wmpfVoip = requirePlugin('wmpf-voip').default\nPage({ onLoad() { wx.getDeviceVoIPList({ success: () => util.log(getCurrentPages(), wmpfVoip) }) } })",
    ],
    ['an example test uses the plugin testing entry, a device SDK and the platform', 'examples/doorbell-miniprogram/test/x.test.ts', "import '@wxvoip/plugin/testing';\nimport '@wxvoip/device-linux';\nimport '@wxvoip/mock-platform';"],
  ])('%s is allowed', async (_name, path, code) => {
    expect(await firedRules(path, code)).toEqual([]);
  });
});

// The party client (ADR 0025) and the SDKs standing on it: its own block, kept apart from the other cases to ease merges.
describe('dependency rules of the party client and the SDKs (ADR 0025)', () => {
  beforeAll(async () => {
    await firedRules('packages/party-client/src/warm-up.ts', 'export const warm = 1;');
  }, 60_000);

  it.each([
    ['party-client imports the platform', 'packages/party-client/src/x.ts', "import '@wxvoip/mock-platform';", '@nx/enforce-module-boundaries'],
    ['party-client imports an SDK', 'packages/party-client/src/x.ts', "import '@wxvoip/plugin';", '@nx/enforce-module-boundaries'],
    ['party-client imports the Linux SDK', 'packages/party-client/src/x.ts', "import '@wxvoip/device-linux';", '@nx/enforce-module-boundaries'],
    ['party-client imports a Node built-in', 'packages/party-client/src/x.ts', "import { setTimeout as wait } from 'node:timers/promises';\nexport const w = wait;", 'no-restricted-imports'],
    ['party-client imports events (no prefix)', 'packages/party-client/src/x.ts', "import { EventEmitter } from 'events';\nexport const e = EventEmitter;", 'no-restricted-imports'],
    ['party-client imports ws', 'packages/party-client/src/x.ts', "import { WebSocket } from 'ws';\nexport const w = WebSocket;", 'no-restricted-imports'],
    ['party-client imports msw', 'packages/party-client/src/x.ts', "import { ws } from 'msw';\nexport const w = ws;", 'no-restricted-imports'],
    ['party-client uses the Buffer global', 'packages/party-client/src/x.ts', "export const b = Buffer.from('a');", 'no-restricted-globals'],
    ['party-client uses the process global', 'packages/party-client/src/x.ts', 'export const e = process.env;', 'no-restricted-globals'],
    ['plugin imports the Linux SDK', 'packages/plugin/src/x.ts', "import '@wxvoip/device-linux';", '@nx/enforce-module-boundaries'],
    ['plugin imports the RTOS SDK', 'packages/plugin/src/x.ts', "import '@wxvoip/device-rtos';", '@nx/enforce-module-boundaries'],
    ['device-linux imports the plugin', 'packages/device-linux/src/x.ts', "import '@wxvoip/plugin';", '@nx/enforce-module-boundaries'],
    ['device-linux imports the RTOS SDK', 'packages/device-linux/src/x.ts', "import '@wxvoip/device-rtos';", '@nx/enforce-module-boundaries'],
    ['device-rtos imports the Linux SDK', 'packages/device-rtos/src/x.ts', "import '@wxvoip/device-linux';", '@nx/enforce-module-boundaries'],
    ['a device-linux test imports another SDK', 'packages/device-linux/src/x.test.ts', "import '@wxvoip/device-rtos';", '@nx/enforce-module-boundaries'],
    ['the platform imports the party client', 'apps/mock-platform/src/x.ts', "import '@wxvoip/party-client';", '@nx/enforce-module-boundaries'],
    ['contracts imports the party client', 'packages/contracts/src/x.ts', "import '@wxvoip/party-client';", '@nx/enforce-module-boundaries'],
  ])('%s is a lint error', async (_name, path, code, rule) => {
    expect(await firedRules(path, code)).toContain(rule);
  });

  it.each([
    ['party-client imports contracts and @ts-rest/core', 'packages/party-client/src/x.ts', "import { initClient } from '@ts-rest/core';\nimport { PushMessage } from '@wxvoip/contracts';\nexport const c = [initClient, PushMessage];"],
    ['a party-client test drives the platform over ws and msw', 'packages/party-client/src/x.test.ts', "import '@wxvoip/mock-platform';\nimport 'msw/node';\nimport 'ws';"],
    ['the plugin stands on the party client', 'packages/plugin/src/x.ts', "import { PartyClient } from '@wxvoip/party-client';\nexport const p = PartyClient;"],
    ['device-linux stands on the party client', 'packages/device-linux/src/x.ts', "import { PartyClient } from '@wxvoip/party-client';\nexport const p = PartyClient;"],
    ['device-rtos stands on the party client', 'packages/device-rtos/src/x.ts', "import { PartyClient } from '@wxvoip/party-client';\nexport const p = PartyClient;"],
    ['the flows use the party client', 'e2e/flows/src/x.test.ts', "import '@wxvoip/party-client';"],
  ])('%s is allowed', async (_name, path, code) => {
    expect(await firedRules(path, code)).toEqual([]);
  });
});
