import { describe, expect, expectTypeOf, it } from 'vitest';
import { CALL_PAGE_PATH, CAMERA_DEVICE_COMPONENT_PATH } from './callPagePath.js';

describe('plugin paths (P §1, §2)', () => {
  it('CALL_PAGE_PATH is the documented literal', () => {
    expect(CALL_PAGE_PATH).toBe('plugin-private://wxf830863afde621eb/pages/call-page-plugin/call-page-plugin');
    expectTypeOf(CALL_PAGE_PATH).toEqualTypeOf<'plugin-private://wxf830863afde621eb/pages/call-page-plugin/call-page-plugin'>();
  });

  it('CAMERA_DEVICE_COMPONENT_PATH is the documented literal', () => {
    expect(CAMERA_DEVICE_COMPONENT_PATH).toBe('plugin-private://wxf830863afde621eb/publicComponents/camera-device/camera-device');
  });
});
