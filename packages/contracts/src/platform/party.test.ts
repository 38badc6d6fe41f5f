import { describe, expect, expectTypeOf, it } from 'vitest';
import { ConnectPartyData, ConnectPartyRequest, PartyCredential, PushChannelInfo } from './party.js';
import type { ConnectPartyRequestInput } from './party.js';

function firstIssue(input: unknown) {
  const result = ConnectPartyRequest.safeParse(input);
  expect(result.success).toBe(false);
  return result.error?.issues[0];
}

describe('ConnectPartyRequest', () => {
  it('applies the documented defaults to a phone-side plugin', () => {
    expect(ConnectPartyRequest.parse({ kind: 'wechatPlugin', appId: 'wx_demo_app', openId: 'openid-alice' })).toEqual({
      kind: 'wechatPlugin',
      appId: 'wx_demo_app',
      openId: 'openid-alice',
      envVersion: 'release',
      pluginVersion: '2.4.6',
      wechatVersion: '8.0.54',
    });
  });

  it('accepts each device kind and the vendor cloud', () => {
    const device = { appId: 'wx_demo_app', sn: 'SN-LINUX-0001', modelId: 'model-linux-doorbell' };
    expect(ConnectPartyRequest.parse({ kind: 'linuxDevice', ...device, sdkVersion: '0xD5000088' }).kind).toBe('linuxDevice');
    expect(ConnectPartyRequest.parse({ kind: 'rtosDevice', ...device, flavor: 'develop' }).kind).toBe('rtosDevice');
    expect(ConnectPartyRequest.parse({ kind: 'wmpfPlugin', ...device, registrationMode: 'wmpf' }).kind).toBe('wmpfPlugin');
    expect(ConnectPartyRequest.parse({ kind: 'vendorCloud', label: 'cloud worker 1' }).kind).toBe('vendorCloud');
  });

  it('rejects an unknown kind at path kind, listing the kinds', () => {
    const issue = firstIssue({ kind: 'android', appId: 'wx_demo_app' });
    expect(issue?.path).toEqual(['kind']);
    expect(issue?.message).toContain("'wechatPlugin', 'wmpfPlugin', 'linuxDevice', 'rtosDevice', 'vendorCloud'");
  });

  it('requires the registration mode of a WMPF plugin', () => {
    const issue = firstIssue({ kind: 'wmpfPlugin', appId: 'wx_demo_app', sn: 'SN-WMPF-0001', modelId: 'model-wmpf-panel' });
    expect(issue?.path).toEqual(['registrationMode']);
    expect(issue?.message).toContain("'wmpf'");
  });

  it('checks the SN rule of device parties', () => {
    const issue = firstIssue({ kind: 'linuxDevice', appId: 'wx_demo_app', sn: 'bad sn', modelId: 'm' });
    expect(issue?.path).toEqual(['sn']);
    expect(issue?.message).toContain('[0-9A-Za-z_-]');
  });

  it('checks version formats', () => {
    expect(firstIssue({ kind: 'linuxDevice', appId: 'a', sn: 's', modelId: 'm', sdkVersion: 'D5000088' })?.message).toContain('in hex');
    const wechat = firstIssue({ kind: 'wechatPlugin', appId: 'a', openId: 'o', wechatVersion: '8' });
    expect(wechat?.path).toEqual(['wechatVersion']);
    expect(wechat?.message).toContain('dotted version number');
    expect(firstIssue({ kind: 'wechatPlugin', appId: 'a', openId: 'o', pluginVersion: 'latest' })?.path).toEqual(['pluginVersion']);
  });

  it('types the input with optional defaults', () => {
    expectTypeOf<Extract<ConnectPartyRequestInput, { kind: 'wechatPlugin' }>['envVersion']>().toEqualTypeOf<'release' | 'trial' | 'develop' | undefined>();
  });
});

describe('connect result', () => {
  it('needs a token of at least 8 safe characters', () => {
    expect(PartyCredential.parse({ token: 'pt_12345678', expiresAt: null }).token).toBe('pt_12345678');
    expect(PartyCredential.safeParse({ token: 'short', expiresAt: null }).error?.issues[0]?.message).toContain('at least 8 characters');
  });

  it('describes the push channel as a websocket path with the access_token query parameter', () => {
    const channel = { protocol: 'websocket', path: '/__wxvoip/v1/parties/p-1/channel', tokenParam: 'access_token', pingIntervalMs: 15000 };
    expect(PushChannelInfo.parse(channel)).toEqual(channel);
    expect(PushChannelInfo.safeParse({ ...channel, path: 'ws://host/x' }).error?.issues[0]?.message).toContain('must start with "/"');
  });

  it('parses a whole connect answer', () => {
    const data = {
      party: {
        partyId: 'p-1',
        namespace: 'default',
        identity: { kind: 'vendorCloud' },
        connectedAt: 1,
        channel: 'closed',
        currentRoomId: null,
      },
      credential: { token: 'pt_12345678', expiresAt: null },
      pushChannel: { protocol: 'websocket', path: '/__wxvoip/v1/parties/p-1/channel', tokenParam: 'access_token', pingIntervalMs: 15000 },
      protocolVersion: 'v1',
      serverTime: 1,
    };
    expect(ConnectPartyData.parse(data).party.partyId).toBe('p-1');
    expect(ConnectPartyData.safeParse({ ...data, protocolVersion: 'v2' }).error?.issues[0]?.path).toEqual(['protocolVersion']);
  });
});

describe('hardwareId', () => {
  it('is optional on device parties and bounded when given', () => {
    const linux = { kind: 'linuxDevice', appId: 'wx-app', sn: 'SN_1', modelId: 'm-1' } as const;
    expect(ConnectPartyRequest.parse(linux)).not.toHaveProperty('hardwareId');
    expect(ConnectPartyRequest.parse({ ...linux, hardwareId: 'board-7' })).toMatchObject({ hardwareId: 'board-7' });
    const empty = ConnectPartyRequest.safeParse({ ...linux, hardwareId: '' });
    expect(empty.error?.issues[0]).toMatchObject({ path: ['hardwareId'], message: expect.stringContaining('omit it to use the SN') });
  });
});
