import { describe, expect, it } from 'vitest';
import { ENV_VERSION_BY_MINIPROGRAM_STATE, EnvVersion, MiniprogramState, WMPF_APP_TYPE_BY_ENV_VERSION } from './buildVersion.js';

describe('build vocabularies (P §3.1, §4.1, §12.12)', () => {
  it('MiniprogramState knows formal, trial and developer', () => {
    expect(MiniprogramState.options).toEqual(['formal', 'trial', 'developer']);
    expect(MiniprogramState.safeParse('develop').error?.issues[0]?.message).toBe("miniprogramState must be 'formal' (release), 'trial' or 'developer'");
  });

  it('EnvVersion knows release, trial and develop', () => {
    expect(EnvVersion.options).toEqual(['release', 'trial', 'develop']);
    expect(EnvVersion.safeParse('formal').error?.issues[0]?.message).toBe("envVersion must be 'release', 'trial' or 'develop'");
  });

  it('maps every miniprogramState to a valid envVersion, one to one', () => {
    const mapped = MiniprogramState.options.map((state) => EnvVersion.parse(ENV_VERSION_BY_MINIPROGRAM_STATE[state]));
    expect(new Set(mapped).size).toBe(EnvVersion.options.length);
  });

  it('maps envVersion to the WMPF push appType (0 release, 1 develop, 2 trial)', () => {
    expect(EnvVersion.options.map((version) => WMPF_APP_TYPE_BY_ENV_VERSION[version])).toEqual([0, 2, 1]);
  });
});
