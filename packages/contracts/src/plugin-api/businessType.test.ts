import { describe, expect, it } from 'vitest';
import { BUSINESS_TYPES, BusinessType } from './businessType.js';

describe('BusinessType (P §3.3)', () => {
  it.each([0, 1, 2, 3])('accepts %i', (value) => {
    expect(BusinessType.parse(value)).toBe(value);
  });

  it.each([4, -1, '1', 1.5])('rejects %j naming the four modes', (value) => {
    expect(BusinessType.safeParse(value).error?.issues[0]?.message).toContain('businessType must be 0 (face-pay, duration), 1 (device calls phone), 2');
  });
});

describe('BUSINESS_TYPES table', () => {
  it('has a row for every businessType', () => {
    expect(Object.keys(BUSINESS_TYPES).map(Number)).toEqual([0, 1, 2, 3]);
  });

  it('puts the SN where the reference does: caller for 1, listener for 2', () => {
    expect([BUSINESS_TYPES[1].callerId, BUSINESS_TYPES[1].listenerId]).toEqual(['sn', 'openId']);
    expect([BUSINESS_TYPES[2].callerId, BUSINESS_TYPES[2].listenerId]).toEqual(['openId', 'sn']);
    expect(BUSINESS_TYPES[0].callerId).toBe('facePayUserId');
  });

  it('bills businessType 2 by duration only, 0 by duration, 3 by license (P §10.2)', () => {
    expect(BUSINESS_TYPES[2].chargeTypes).toEqual(['duration']);
    expect(BUSINESS_TYPES[0].chargeTypes).toEqual(['duration']);
    expect(BUSINESS_TYPES[3].chargeTypes).toEqual(['license']);
    expect(BUSINESS_TYPES[1].chargeTypes).toEqual(['duration', 'license']);
  });

  it('gives face-pay the same ids and tokens in both billing modes; businessType 3 from 2.3.8', () => {
    const { chargeTypes: _a, since: _b, scenario: _c, ...facePay0 } = BUSINESS_TYPES[0];
    const { chargeTypes: _d, since: since3, scenario: _e, ...facePay3 } = BUSINESS_TYPES[3];
    expect(facePay3).toEqual(facePay0);
    expect(since3).toBe('2.3.8');
  });

  it('runs businessType 2 in the WeChat client and the others in WMPF (P §3.4)', () => {
    expect(Object.values(BUSINESS_TYPES).map((row) => row.host)).toEqual(['wmpf', 'wmpf', 'wechat', 'wmpf']);
  });
});
