/**
 * The platform's data directory over real processes (ADR 0015): `wxvoip-mock --data-dir` and `wxvoip-device linux`
 * as a developer runs them. Before a restart: a backend token, a Linux device registered with an snTicket fetched
 * with that token, a user authorized and a license given; SIGTERM; after the restart all of it is there, the old
 * token still works, and the restarted device CLI answers and places whole calls without registering again.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CALL_PAGE_PATH } from '@wxvoip/contracts';
import { createWmpfVoipSimulator, type SimulatedWmpfVoip } from '@wxvoip/plugin';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket as NodeWebSocket } from 'ws';
import { DEVICE_LINUX_DIR, MOCK_PLATFORM_DIR, spawnCli, type CliProcess } from './childProcess.js';

const APP = 'wx_demo_app';
const SECRET = 'demo-app-secret';
const SN = 'SN-LINUX-NEW'; // not registered in the demo seed, no license, nobody authorized
const MODEL = 'model-linux-doorbell';
const LICENSE_UNTIL = 1_893_427_200;

const running: CliProcess[] = [];
const phones: SimulatedWmpfVoip[] = [];
afterEach(async () => {
  for (const phone of phones.splice(0)) await phone.simulator.close();
  for (const cli of running.splice(0)) {
    cli.child.kill('SIGKILL');
    await cli.exit;
  }
});

async function startPlatform(dataDir: string): Promise<{ cli: CliProcess; url: string }> {
  const cli = spawnCli(MOCK_PLATFORM_DIR, ['--port', '0', '--log-format', 'pretty', '--data-dir', dataDir]);
  running.push(cli);
  const line = await cli.waitFor('wxvoip mock platform listening on ', 30_000);
  await cli.waitFor('  state:');
  return { cli, url: line.split('listening on ')[1]!.trim() };
}

async function stop(cli: CliProcess, how: 'SIGTERM' | 'quit'): Promise<number | string | null> {
  if (how === 'SIGTERM') cli.child.kill('SIGTERM');
  else cli.send('quit');
  const code = await cli.exit;
  running.splice(running.indexOf(cli), 1);
  return code;
}

async function json(url: string, init?: RequestInit): Promise<Record<string, unknown>> {
  const response = await fetch(url, { ...init, headers: { 'content-type': 'application/json', ...init?.headers } });
  return (await response.json()) as Record<string, unknown>;
}

async function snTicket(url: string, token: string): Promise<Record<string, unknown>> {
  return json(`${url}/wxa/getsnticket?access_token=${token}`, { method: 'POST', body: JSON.stringify({ sn: SN, model_id: MODEL }) });
}

function deviceCli(url: string, dataDir: string, ticket?: string): CliProcess {
  const cli = spawnCli(DEVICE_LINUX_DIR, ['linux', '--platform', url, '--sn', SN, '--model', MODEL, '--data-dir', dataDir, '--auto', 'answer', ...(ticket ? ['--sn-ticket', ticket] : [])]);
  running.push(cli);
  return cli;
}

async function phone(url: string): Promise<SimulatedWmpfVoip> {
  const plugin = await createWmpfVoipSimulator({ host: 'wechat', appId: APP, openId: 'openid-alice', platform: url, WebSocket: NodeWebSocket as unknown as typeof globalThis.WebSocket });
  phones.push(plugin);
  return plugin;
}

describe('wxvoip-mock --data-dir across a restart', () => {
  it('keeps the token, the registration, the authorization and the license, and a restarted device calls and answers without registering again', { timeout: 120_000 }, async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'wxvoip-restart-'));
    const deviceDir = mkdtempSync(join(tmpdir(), 'wxvoip-restart-device-'));

    // Before: the backend's token and snTicket, the device registered with it, Alice authorized, a license given.
    const before = await startPlatform(dataDir);
    expect(before.cli.lines).toContain(`  state:     ${dataDir} (nothing saved yet; kept across restarts, --wipe-state to start over)`);
    const token = (await json(`${before.url}/cgi-bin/token?grant_type=client_credential&appid=${APP}&secret=${SECRET}`))['access_token'] as string;
    const ticket = await snTicket(before.url, token);
    expect(ticket).toMatchObject({ errcode: 0 });
    const device = deviceCli(before.url, deviceDir, ticket['sn_ticket'] as string);
    await device.waitFor('ready:');
    expect(device.lines).toContain('register: WXERROR_OK');
    expect(await stop(device, 'quit')).toBe(0);
    const admin = `${before.url}/__admin/apps/${APP}`;
    expect(await json(`${admin}/authorizations`, { method: 'POST', body: JSON.stringify({ openId: 'openid-alice', sn: SN, deviceName: 'Garage' }) })).toMatchObject({ ok: true, authorization: { state: 'authorized' } });
    expect((await fetch(`${admin}/licenses/${SN}`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ expireTime: LICENSE_UNTIL, activeNumbers: [1005] }) })).status).toBe(200);
    expect(await stop(before.cli, 'SIGTERM')).toBe(0);
    const saved = join(dataDir, 'namespaces', 'default.json');
    expect(existsSync(saved)).toBe(true);
    expect(readFileSync(saved, 'utf8')).toContain(token);

    // After: everything is there.
    const after = await startPlatform(dataDir);
    expect(after.cli.lines).toContain(`  state:     ${dataDir} (restored: default; kept across restarts, --wipe-state to start over)`);
    expect(await snTicket(after.url, token)).toMatchObject({ errcode: 0, errmsg: 'ok' });
    const view = await json(`${after.url}/__admin/devices/${SN}`);
    expect(view).toMatchObject({ registration: { registered: true, appId: APP, modelId: MODEL, method: 'linuxSdk' }, licenseExpireTime: LICENSE_UNTIL });
    expect(await json(`${after.url}/__admin/apps/${APP}/authorizations?openId=openid-alice&sn=${SN}`)).toMatchObject({
      authorizations: [{ openId: 'openid-alice', sn: SN, state: 'authorized', deviceName: 'Garage' }],
    });
    const journal = await json(`${after.url}/__admin/journal?kind=platform`);
    expect(journal['entries']).toMatchObject([{ kind: 'platform', event: 'restored' }]);

    // The device CLI, restarted on its data_dir, registers nothing and takes a call from Alice's phone…
    const restarted = deviceCli(after.url, deviceDir);
    await restarted.waitFor('ready:');
    expect(restarted.lines.filter((line) => line.startsWith('register'))).toEqual([]);
    expect(restarted.errors).toEqual([]);
    const alice = await phone(after.url);
    const { roomId } = await alice.callDevice({ roomType: 'voice', sn: SN, modelId: MODEL });
    await alice.simulator.callPage.navigate(CALL_PAGE_PATH);
    restarted.send(`ring ${roomId}`); // the backend relays the roomId
    await restarted.waitFor(`status 2 TALKING room=${roomId}`);
    await alice.simulator.callPage.hangUp();
    await restarted.waitFor(`status 5 HANGUP_BY_CALLER room=${roomId}`);

    // … and calls her.
    const aliceAgain = await phone(after.url);
    restarted.send('call openid-alice');
    const placed = (await restarted.waitFor(/^placed room=/)).split('room=')[1]!;
    await aliceAgain.simulator.callPage.openReminder(placed);
    await aliceAgain.simulator.callPage.answer();
    await restarted.waitFor(`status 2 TALKING room=${placed}`);
    restarted.send('hangup');
    await restarted.waitFor(`status 5 HANGUP_BY_CALLER room=${placed}`);
    expect(await json(`${after.url}/__admin/rooms/${placed}`)).toMatchObject({ state: 'ended', outcome: 'hungUpByCaller' });
    expect(restarted.errors).toEqual([]);
    expect(await stop(restarted, 'quit')).toBe(0);
    expect(await stop(after.cli, 'SIGTERM')).toBe(0);
  });
});
