import { describe, expect, it } from 'vitest';
import {
  WX_CLOUDVOIP_LISTENER_TAG,
  WxCloudVoipCloudCallJoinParams,
  WxCloudVoipListenerHangupParams,
  WxCloudVoipRemoteBandwidthParams,
  WxCloudVoipServerInitConfig,
  WxCloudVoipSessionHangupParams,
  WxCloudVoipSessionJoinParams,
} from './wxCloudvoipServer.js';

const app = { wxa_appid: 'wx0123456789abcdef', server_token: 'st-1' };

describe('server SDK arguments (D §2.4)', () => {
  it('wx_init takes data_dir only', () => {
    expect(WxCloudVoipServerInitConfig.parse({ data_dir: '/srv/wx' })).toEqual({ data_dir: '/srv/wx' });
    expect(WxCloudVoipServerInitConfig.safeParse({ data_dir: '/srv/wx', wxa_appid: 'wx1' }).error?.issues[0]?.message).toContain('data_dir only');
    expect(WX_CLOUDVOIP_LISTENER_TAG).toBe(0xf00001);
  });

  it('session_join joins a device-started call', () => {
    const parsed = WxCloudVoipSessionJoinParams.parse({ ...app, type: 1, device_id: 'SN_0002', model_id: 'm1', payload: 'stream-7' });
    expect(parsed).toEqual({ ...app, type: 1, device_id: 'SN_0002', model_id: 'm1', payload: 'stream-7' });
    const issue = WxCloudVoipSessionJoinParams.safeParse({ ...app, type: 1, device_id: 'SN_0002', model_id: 'm1', server_token: '' }).error?.issues[0];
    expect(issue?.path).toEqual(['server_token']);
    expect(issue?.message).toContain('server_token must not be empty (the ServerToken of the iot_voip_notify callback)');
  });

  it('cloud_call_join answers with the notify credentials', () => {
    const value = { ...app, type: 0, roomid: 'r1', session_key: 'sk', payload: null };
    expect(WxCloudVoipCloudCallJoinParams.parse(value)).toEqual(value);
    const issue = WxCloudVoipCloudCallJoinParams.safeParse({ ...value, session_key: undefined }).error?.issues[0];
    expect(issue?.path).toEqual(['session_key']);
    expect(issue?.message).toContain('session_key is required (the SessionKey');
  });

  it('hang-ups take a documented reason', () => {
    expect(WxCloudVoipSessionHangupParams.parse({ reason: 1 })).toEqual({ reason: 1 });
    const value = { ...app, device_id: 'SN_0002', model_id: 'm1', reason: 11 };
    expect(WxCloudVoipListenerHangupParams.parse(value)).toEqual({ ...value, payload: null });
    expect(WxCloudVoipListenerHangupParams.safeParse({ ...value, reason: 4 }).error?.issues[0]?.path).toEqual(['reason']);
  });

  it('remote bandwidth is a positive whole kbps', () => {
    expect(WxCloudVoipRemoteBandwidthParams.parse({ kbps: 512 })).toEqual({ kbps: 512 });
    expect(WxCloudVoipRemoteBandwidthParams.safeParse({ kbps: 0 }).error?.issues[0]?.message).toBe('kbps must be greater than 0');
    expect(WxCloudVoipRemoteBandwidthParams.safeParse({ kbps: 1.5 }).error?.issues[0]?.message).toContain('whole number');
  });
});
