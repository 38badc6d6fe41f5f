import type { DirectionSpec } from '../matrix/cell.js';
import { putInArrears, removeVoipCapability, revokeAuthorization } from '../parties/controlSteps.js';
import { refused, SDK_REGISTERED, WMPF_REGISTERED, wmpfToPhoneCells } from '../parties/wmpfCallsPhone.js';

const NO_LICENSE = 'model-wmpf-panel bills by duration; initByCaller businessType 1 has no chargeType input, the backend decides (P §10.2, D §8): licenses do not apply';

/**
 * WMPF → phone (`initByCaller` businessType 1, WMPF-registered SN-WMPF-0001, no voipToken): the panel calls Alice,
 * WeChat rings her phone with the reminder, she answers from it (P §3.3, §9, §13; D §3.2).
 */
export const wmpfToPhone: DirectionSpec = {
  direction: 'wmpfToPhone',
  cells: {
    // Alice is busy talking with SN-WMPF-LEGACY (she authorized it too).
    ...wmpfToPhoneCells(WMPF_REGISTERED, SDK_REGISTERED),
    // initByCaller needs the user's authorization of the device (P §3.3, §8.2): 9, resolved as isSuccess: false (P §3.2).
    notAuthorized: refused(WMPF_REGISTERED, (env) => revokeAuthorization(env, 'openid-alice', WMPF_REGISTERED.sn), 'isSuccess:false errCode 9'),
    licenseMissing: { kind: 'notApplicable', why: NO_LICENSE },
    licenseExpired: { kind: 'notApplicable', why: NO_LICENSE },
    arrears: refused(WMPF_REGISTERED, putInArrears, 'isSuccess:false errCode 15'),
    capabilityMissing: refused(WMPF_REGISTERED, removeVoipCapability, 'isSuccess:false errCode 12'),
  },
};
