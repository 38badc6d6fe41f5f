// The mock platform as a library (`startMockPlatform` from the installed package), with fastify's request log off
// (the library's default), for `pnpm bench`. Usage: node servers/platformServer.mjs MODULE_URL PORT [SEED_FILE]
import process from 'node:process';
import { readFileSync } from 'node:fs';

const [moduleUrl, portText, seedFile] = process.argv.slice(2);
const { startMockPlatform } = await import(moduleUrl);
const seed = seedFile ? JSON.parse(readFileSync(seedFile, 'utf8')) : 'demo';
const platform = await startMockPlatform({ port: Number(portText), seed, clock: 'real' });
process.stdout.write(`listening ${platform.url}\n`);
process.on('SIGTERM', () => void platform.close().then(() => process.exit(0)));
