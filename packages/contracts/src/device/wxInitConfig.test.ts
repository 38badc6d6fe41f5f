import { describe, expect, expectTypeOf, it } from 'vitest';
import { WxInitConfig, subscribesUprightVideo } from './wxInitConfig.js';
import type { WxInitConfigInput } from './wxInitConfig.js';

const minimal: WxInitConfigInput = { data_dir: '/data/wx', device_id: 'SN_0001', model_id: 'model-1', wxa_appid: 'wx0123456789abcdef' };

function issueOf(value: unknown) {
  const result = WxInitConfig.safeParse(value);
  expect(result.success).toBe(false);
  return result.error?.issues[0];
}

describe('WxInitConfig (wx_init_config_t, D §1.3)', () => {
  it('fills every omitted field with the zeroed-struct value', () => {
    expect(WxInitConfig.parse(minimal)).toEqual({
      ...minimal,
      log_dir: null,
      product_id: 0,
      host_appid: null,
      device_signature: null,
      device_signature_version: 0,
      wxa_flavor: 0,
      rpmb_device: null,
      h265_only: false,
      video_landscape: false,
      subscribe_video_length: 0,
      subscribe_video_rotation: 0,
      subscribe_video_ratio: 0,
      subscribe_video_maxfps: 0,
    });
  });

  it('accepts a full video subscription', () => {
    const config = WxInitConfig.parse({
      ...minimal,
      log_dir: '/tmp/log',
      wxa_flavor: 1,
      subscribe_video_length: 320,
      subscribe_video_rotation: 1,
      subscribe_video_ratio: 75,
      subscribe_video_maxfps: 15,
    });
    expect(config.subscribe_video_maxfps).toBe(15);
    expect(subscribesUprightVideo(config)).toBe(true);
    expect(subscribesUprightVideo({ subscribe_video_rotation: 2 })).toBe(false);
  });

  it('accepts 640 in portrait', () => {
    expect(WxInitConfig.parse({ ...minimal, subscribe_video_length: 640, video_landscape: false }).subscribe_video_length).toBe(640);
  });

  it.each([
    [{ ...minimal, data_dir: undefined }, ['data_dir'], 'data_dir is required'],
    [{ ...minimal, data_dir: '' }, ['data_dir'], 'data_dir must not be empty'],
    [{ ...minimal, device_id: 'has space' }, ['device_id'], 'device_id (the SN) may only contain [0-9A-Za-z_-]'],
    [{ ...minimal, device_id: 'x'.repeat(129) }, ['device_id'], 'at most 128 bytes'],
    [{ ...minimal, model_id: '' }, ['model_id'], 'model_id must not be empty'],
    [{ ...minimal, wxa_appid: 'wx app' }, ['wxa_appid'], 'wxa_appid may only contain'],
    [{ ...minimal, product_id: 7 }, ['product_id'], 'product_id must be 0'],
    [{ ...minimal, host_appid: 'wxhost' }, ['host_appid'], 'host_appid must be NULL'],
    [{ ...minimal, device_signature: 'sig' }, ['device_signature'], 'device_signature must be NULL'],
    [{ ...minimal, device_signature_version: 1 }, ['device_signature_version'], 'device_signature_version must be 0'],
    [{ ...minimal, wxa_flavor: 3 }, ['wxa_flavor'], 'wxa_flavor must be 0'],
    [{ ...minimal, log_dir: '' }, ['log_dir'], 'pass null for NULL'],
    [{ ...minimal, h265_only: 'yes' }, ['h265_only'], 'h265_only must be a boolean'],
    [{ ...minimal, subscribe_video_length: 500 }, ['subscribe_video_length'], 'must be 0 (adaptive), 320, 480 or 640'],
    [{ ...minimal, subscribe_video_length: 640, video_landscape: true }, ['subscribe_video_length'], 'only works with video_landscape=false'],
    [{ ...minimal, subscribe_video_ratio: -75 }, ['subscribe_video_ratio'], 'width/height×100'],
    [{ ...minimal, subscribe_video_rotation: 0.5 }, ['subscribe_video_rotation'], 'must be an integer'],
    [{ ...minimal, subscribe_video_maxfps: 4 }, ['subscribe_video_maxfps'], 'from 5 to 15'],
    [{ ...minimal, subscribe_video_maxfps: 16 }, ['subscribe_video_maxfps'], 'from 5 to 15'],
  ])('rejects %j at %j', (value, path, message) => {
    const issue = issueOf(value);
    expect(issue?.path).toEqual(path);
    expect(issue?.message).toContain(message);
  });

  it('rejects a misspelled field instead of zeroing it', () => {
    const issue = issueOf({ ...minimal, deviceId: 'SN_0001' });
    expect(issue?.code).toBe('unrecognized_keys');
    expect(issue?.message).toContain('use the C field names');
  });

  it('types input and output apart', () => {
    expectTypeOf<WxInitConfigInput['log_dir']>().toEqualTypeOf<string | null | undefined>();
    expectTypeOf<WxInitConfig['log_dir']>().toEqualTypeOf<string | null>();
    expectTypeOf<WxInitConfig['wxa_flavor']>().toEqualTypeOf<0 | 1 | 2>();
  });
});
