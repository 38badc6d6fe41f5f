import { CallDeviceRequest, ConnectPartyRequest, demoSeed, FaultSpec, RequestAuthorizationBody, RequestDeviceVoipArgs, Seed, StateFileHeader, StateFileRuntime, type StateFile } from '@wxvoip/contracts';
import { describe, expect, it } from 'vitest';
import { PlatformCore, type NamespaceStorage } from '../platformCore.js';
import type { PlatformTenant } from '../platformTenant.js';

const APP = 'wx_demo_app';

/** A core whose namespaces come back from these saved files (what the listening platform's store hands it). */
function restartedCore(files: Record<string, StateFile>, clockMode: 'manual' | 'real' = 'manual', now?: number): PlatformCore {
  const storage: NamespaceStorage = { location: '/memory', saved: (ns) => files[ns], savedNamespaces: () => Object.keys(files) };
  return new PlatformCore({ seed: demoSeed, storage, clockMode, ...(now === undefined ? {} : { host: { now: () => now, schedule: () => () => undefined } }) });
}

/** The state file as it goes through JSON (what is on disk). */
function throughDisk(file: StateFile | undefined): StateFile {
  if (!file) throw new Error('no snapshot');
  return JSON.parse(JSON.stringify(file)) as StateFile;
}

function connectPhone(tenant: PlatformTenant, openId = 'openid-alice') {
  const result = tenant.parties.connect(ConnectPartyRequest.parse({ kind: 'wechatPlugin', appId: APP, openId }));
  if (!result.ok) throw new Error(result.refusal.rule);
  tenant.parties.attachChannel(result.value.party.partyId, () => undefined);
  return result.value.party;
}

describe('snapshotNamespace and restoreNamespace', () => {
  it('bring back credentials, registrations, authorizations, licenses and billing after a restart', () => {
    const core = new PlatformCore({ seed: demoSeed });
    const tenant = core.tenant();
    const app = tenant.state.app(APP)!;
    const classic = tenant.tokens.getAccessToken({ grant_type: 'client_credential', appid: APP, secret: 'demo-app-secret' });
    const stable = tenant.tokens.getStableAccessToken({ grant_type: 'client_credential', appid: APP, secret: 'demo-app-secret', force_refresh: false });
    const ticket = tenant.snTickets.getSnTicket(app, { sn: 'SN-LINUX-NEW', model_id: 'model-linux-doorbell' });
    const registered = tenant.registrations.register({ appId: APP, sn: 'SN-LINUX-NEW', modelId: 'model-linux-doorbell', method: 'linuxSdk', hardwareId: 'install-42' }, { snTicket: ticket.ok ? ticket.value.sn_ticket : '' });
    const deviceToken = tenant.deviceTokens.getDeviceToken({ appId: APP, sn: 'SN-WMPF-0001', modelId: 'model-wmpf-panel', registrationMode: 'wmpf' });
    // A phone may authorize an SN that is not a device of the app yet (with its modelId): a seed cannot hold that.
    const shedTicket = tenant.snTickets.getSnTicket(app, { sn: 'SN-NOT-YET', model_id: 'model-linux-doorbell' });
    const early = tenant.authorization.requestDeviceVoip(
      app,
      'openid-carol',
      RequestDeviceVoipArgs.parse({ sn: 'SN-NOT-YET', modelId: 'model-linux-doorbell', deviceName: 'Shed', snTicket: shedTicket.ok ? shedTicket.value.sn_ticket : '' }),
    );
    tenant.authorization.requestAuthorization(app, RequestAuthorizationBody.parse({ openId: 'openid-carol', sn: 'SN-LINUX-NEW', deviceName: 'Garage' }));
    app.licenses.set('SN-LINUX-NEW', { sn: 'SN-LINUX-NEW', expireTime: 1_900_000_000, activeNumbers: [7], pkgType: 2 });
    tenant.billing.settle(app, 'duration', 61_000);
    tenant.state.clock.advance(90_000);
    expect([classic.ok, stable.ok, ticket.ok, registered.ok, deviceToken.ok, early.ok]).toEqual([true, true, true, true, true, true]);

    const file = throughDisk(core.snapshot('default'));
    expect(StateFileHeader.parse(file)).toEqual({ format: 'wxvoip-mock-state', formatVersion: 1, namespace: 'default' });
    expect(StateFileRuntime.safeParse(file).success).toBe(true);
    expect(Seed.safeParse(file).success).toBe(true); // a state file is also a seed

    const after = restartedCore({ default: file }).tenant();
    const restoredApp = after.state.app(APP)!;
    expect(after.state.now()).toBe(tenant.state.now());
    expect(after.tokens.authenticate(classic.ok ? classic.value.access_token : '').ok).toBe(true);
    expect(after.tokens.authenticate(stable.ok ? stable.value.access_token : '').ok).toBe(true);
    expect(after.snTickets.getSnTicket(restoredApp, { sn: 'SN-LINUX-NEW', model_id: 'model-linux-doorbell' }).ok).toBe(true);
    const device = restoredApp.devices.get('SN-LINUX-NEW')!;
    expect([device.registered, device.registeredBy, device.registeredAt]).toEqual([true, 'install-42', app.devices.get('SN-LINUX-NEW')!.registeredAt]);
    // Another physical device still cannot take the SN; the one that registered it is recognised.
    const again = after.registrations.register({ appId: APP, sn: 'SN-LINUX-NEW', modelId: 'model-linux-doorbell', method: 'linuxSdk', hardwareId: 'install-99' }, { snTicket: 'x'.repeat(32) });
    expect(again.ok).toBe(false);
    const voipToken = deviceToken.ok ? deviceToken.value.deviceToken : '';
    expect(after.state.deviceTokens.get(voipToken)).toEqual({ appId: APP, sn: 'SN-WMPF-0001' });
    expect(restoredApp.devices.get('SN-WMPF-0001')!.deviceTokens!.get(voipToken)).toEqual(app.devices.get('SN-WMPF-0001')!.deviceTokens!.get(voipToken));
    expect(after.authorization.list(restoredApp, { openId: 'openid-carol' })).toEqual(tenant.authorization.list(app, { openId: 'openid-carol' }));
    expect(restoredApp.licenses.get('SN-LINUX-NEW')).toEqual({ sn: 'SN-LINUX-NEW', expireTime: 1_900_000_000, activeNumbers: [7], pkgType: 2 });
    expect(restoredApp.billing).toEqual(app.billing);
    // The id generator continues: the next token differs from every token issued before the restart.
    const next = after.tokens.getAccessToken({ grant_type: 'client_credential', appid: APP, secret: 'demo-app-secret' });
    expect(next.ok && next.value.access_token).not.toBe(classic.ok && classic.value.access_token);
    expect(after.tokens.authenticate(classic.ok ? classic.value.access_token : '')).toMatchObject({ ok: false });
    expect(after.state.journal.all()[0]).toMatchObject({ kind: 'platform', event: 'restored', roomId: null });
  });

  it('keeps no expired or superseded credential, and no fault', () => {
    const core = new PlatformCore({ seed: demoSeed });
    const tenant = core.tenant();
    const app = tenant.state.app(APP)!;
    const old = tenant.tokens.getAccessToken({ grant_type: 'client_credential', appid: APP, secret: 'demo-app-secret' });
    tenant.snTickets.getSnTicket(app, { sn: 'SN-LINUX-NEW', model_id: 'model-linux-doorbell' });
    tenant.state.clock.advance(6 * 60_000); // the snTicket (5 min) expired
    const current = tenant.tokens.getAccessToken({ grant_type: 'client_credential', appid: APP, secret: 'demo-app-secret' });
    tenant.faults.add(FaultSpec.parse({ kind: 'error', operation: 'wechat.getAccessToken', errcode: -1, times: 3 }));
    const file = throughDisk(core.snapshot('default'));
    expect(file.runtime.accessTokens.map((t) => t.token)).toEqual([current.ok ? current.value.access_token : '']);
    expect(file.runtime.snTickets).toEqual([]);
    expect(JSON.stringify(file)).not.toContain(old.ok ? old.value.access_token : 'none');
    expect(restartedCore({ default: file }).tenant().state.faults.size).toBe(0);
  });

  it('ends the rooms in flight as aborted at the next start, billing talk time up to the save, and says why', () => {
    const core = new PlatformCore({ seed: demoSeed });
    const tenant = core.tenant();
    tenant.state.app(APP)!.models.get('model-linux-doorbell')!.billing = 'duration';
    const phone = connectPhone(tenant);
    const room = tenant.calls.callDevice(phone, CallDeviceRequest.parse({ roomType: 'voice', sn: 'SN-LINUX-0001', modelId: 'model-linux-doorbell', chargeType: 'duration' }));
    if (!room.ok) throw new Error(room.refusal.rule);
    const device = tenant.parties.connect(ConnectPartyRequest.parse({ kind: 'linuxDevice', appId: APP, sn: 'SN-LINUX-0001', modelId: 'model-linux-doorbell' }));
    if (!device.ok) throw new Error(device.refusal.rule);
    tenant.parties.attachChannel(device.value.party.partyId, () => undefined);
    tenant.actions.joinAsCaller(phone, room.value.roomId);
    tenant.actions.linuxListenerJoin(device.value.party, { roomId: room.value.roomId, cameraStatus: 0 });
    expect(tenant.rooms.get(room.value.roomId)!.state).toBe('talking');
    tenant.state.clock.advance(30_000);
    const balance = tenant.state.app(APP)!.billing.durationBalanceSec!;

    const file = throughDisk(core.snapshot('default')); // then the process is killed: no shutdown
    expect(file.runtime.roomsInFlight).toMatchObject([{ roomId: room.value.roomId, state: 'talking', sn: 'SN-LINUX-0001', peer: 'openid-alice' }]);

    const after = restartedCore({ default: file }).tenant();
    const aborted = after.state.journal.all().find((e) => e.kind === 'platform' && e.event === 'roomAborted');
    expect(aborted).toMatchObject({ roomId: room.value.roomId });
    expect(aborted && 'detail' in aborted ? aborted.detail : '').toMatch(/was talking when the platform stopped; it ended as aborted at this start .*30 s of talk billed \(duration\)/);
    expect(after.state.app(APP)!.billing.durationBalanceSec).toBe(balance - 30);
    expect(after.rooms.list()).toEqual([]);
    expect(after.state.clock.pendingTimers).toBe(0);
  });

  it('never moves time back: a real clock behind the saved time starts at the saved time', () => {
    const core = new PlatformCore({ seed: demoSeed });
    core.tenant().state.clock.advance(3_600_000);
    const file = throughDisk(core.snapshot('default'));
    const wallClockBehind = file.platformTime - 3_600_000;
    const after = restartedCore({ default: file }, 'real', wallClockBehind).tenant();
    expect(after.state.clock.mode).toBe('real');
    expect(after.state.now()).toBe(file.platformTime);
  });

  it('wipe forgets in-use and saved namespaces and says so to the listeners', () => {
    const saved = new PlatformCore({ seed: demoSeed });
    saved.tenant('kept').state.app(APP)!.secret = 'changed-secret';
    const core = restartedCore({ kept: throughDisk(saved.snapshot('kept')) });
    const changes: unknown[] = [];
    core.onChange((change) => changes.push(change));
    core.tenant('live');
    expect(core.peek('kept')).toBeUndefined();
    expect(core.wipe()).toEqual(['kept', 'live']);
    expect(changes.at(-1)).toEqual({ kind: 'wiped', namespaces: ['kept', 'live'] });
    expect(core.namespaces()).toEqual([]);
  });
});
