import type { DirectionSpec } from '../matrix/cell.js';
import { putInArrears, removeVoipCapability, revokeAuthorization } from '../parties/controlSteps.js';
import { refused, SDK_REGISTERED, WMPF_REGISTERED, wmpfToPhoneCells } from '../parties/wmpfCallsPhone.js';

const NO_LICENSE = 'a device registered with the device-auth SDK cannot bill by license (P §8.3, §10.2; D §3.1): its calls bill by duration';

/**
 * WMPF → phone (`initByCaller` businessType 1, deviceToken-registered): SN-WMPF-LEGACY, registered with the
 * device-auth SDK, passes its `getDeviceToken()` deviceToken as `voipToken` (P §3.3, §8.1; D §3.1, §3.2).
 */
export const wmpfToPhoneDeviceToken: DirectionSpec = {
  direction: 'wmpfToPhoneDeviceToken',
  cells: {
    // Alice is busy talking with SN-WMPF-0001.
    ...wmpfToPhoneCells(SDK_REGISTERED, WMPF_REGISTERED),
    // initByCaller needs the user's authorization of the device (P §3.3, §8.2): 9, resolved as isSuccess: false (P §3.2).
    notAuthorized: refused(SDK_REGISTERED, (env) => revokeAuthorization(env, 'openid-alice', SDK_REGISTERED.sn), 'isSuccess:false errCode 9'),
    licenseMissing: { kind: 'notApplicable', why: NO_LICENSE },
    licenseExpired: { kind: 'notApplicable', why: NO_LICENSE },
    arrears: refused(SDK_REGISTERED, putInArrears, 'isSuccess:false errCode 15'),
    capabilityMissing: refused(SDK_REGISTERED, removeVoipCapability, 'isSuccess:false errCode 12'),
  },
};
