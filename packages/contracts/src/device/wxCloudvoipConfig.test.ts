import { describe, expect, it } from 'vitest';
import { WX_LOG_LEVEL, WxCloudVoipConfig, WxLogLevel } from './wxCloudvoipConfig.js';

const minimal = { data_dir: '/flash/wx', device_id: 'SN_0002', model_id: 'model-1', wxa_appid: 'wx0123456789abcdef' };

describe('WxCloudVoipConfig (wx_cloudvoip_config_t, D §2.1)', () => {
  it('defaults flavor to release and log level to ERROR', () => {
    expect(WxCloudVoipConfig.parse(minimal)).toEqual({ ...minimal, wxa_flavor: 0, log_level: WX_LOG_LEVEL.ERROR });
    expect(WxCloudVoipConfig.parse({ ...minimal, wxa_flavor: 2, log_level: 1 }).log_level).toBe(1);
  });

  it.each([
    [{ ...minimal, log_level: 2 }, ['log_level'], 'log_level must be 0 (ERROR) or 1 (INFO)'],
    [{ ...minimal, device_id: '' }, ['device_id'], 'device_id must not be empty'],
    [{ ...minimal, wxa_appid: undefined }, ['wxa_appid'], 'wxa_appid is required'],
  ])('rejects %j at %j', (value, path, message) => {
    const issue = WxCloudVoipConfig.safeParse(value).error?.issues[0];
    expect(issue?.path).toEqual(path);
    expect(issue?.message).toContain(message);
  });

  it('rejects Linux-only fields', () => {
    expect(WxCloudVoipConfig.safeParse({ ...minimal, h265_only: true }).error?.issues[0]?.message).toContain('its fields are data_dir');
  });

  it('exposes the log level schema', () => {
    expect(WxLogLevel.parse(0)).toBe(WX_LOG_LEVEL.ERROR);
  });
});
