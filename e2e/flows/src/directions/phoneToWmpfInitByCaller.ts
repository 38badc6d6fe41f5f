import type { DirectionSpec } from '../matrix/cell.js';
import { putInArrears, removeVoipCapability, revokeAuthorization } from '../parties/controlSteps.js';
import { phoneToWmpfCallCells, refused, type PhoneToWmpfApi } from '../parties/phoneCallsWmpf.js';

/**
 * `initByCaller` businessType 2 (P §3.3): caller.id is Alice's openId, listener.id the panel's SN, voipToken its
 * pushToken. Backend failures resolve `isSuccess: false` (P §3.2).
 */
const initByCaller: PhoneToWmpfApi = {
  async place(phone, panel, options) {
    if (options.chargeType !== undefined) throw new Error('initByCaller has no chargeType input (P §3.1)');
    const voipToken = await panel.pushToken();
    const result = await phone.initByCaller({
      roomType: 'voice',
      businessType: 2,
      caller: { id: 'openid-alice', name: 'Alice' },
      listener: { id: panel.sn },
      voipToken,
      ...(options.timeLimit === undefined ? {} : { timeLimit: options.timeLimit }),
    });
    return result.isSuccess ? { roomId: result.roomId ?? result.groupId } : { refusedWith: `isSuccess:false errCode ${result.errCode}` };
  },
};

const SN = 'SN-WMPF-0001';

/**
 * phone → WMPF (`initByCaller` businessType 2): the legacy route to an Android panel; it needs the user's
 * authorization and bills by duration only (P §3.3, §8.2, §10.2; D §3.3).
 */
export const phoneToWmpfInitByCaller: DirectionSpec = {
  direction: 'phoneToWmpfInitByCaller',
  cells: {
    ...phoneToWmpfCallCells(initByCaller),
    // initByCaller still needs the user's authorization (P §3.3, §8.2): 9, resolved as isSuccess: false (P §3.2).
    notAuthorized: refused(initByCaller, (env) => revokeAuthorization(env, 'openid-alice', SN), 'isSuccess:false errCode 9'),
    licenseMissing: { kind: 'notApplicable', why: 'initByCaller businessType 2 bills by duration only, never by license (P §3.3, §10.2)' },
    licenseExpired: { kind: 'notApplicable', why: 'initByCaller businessType 2 bills by duration only, never by license (P §3.3, §10.2)' },
    arrears: refused(initByCaller, putInArrears, 'isSuccess:false errCode 15'),
    capabilityMissing: refused(initByCaller, removeVoipCapability, 'isSuccess:false errCode 12'),
  },
};
