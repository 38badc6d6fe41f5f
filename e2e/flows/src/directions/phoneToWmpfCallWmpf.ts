import { pluginRefusal, type DirectionSpec } from '../matrix/cell.js';
import { putInArrears, removeVoipCapability, revokeAuthorization, setLicense } from '../parties/controlSteps.js';
import { callerHangsUpCell, phoneToWmpfCallCells, refused, type PhoneToWmpfApi } from '../parties/phoneCallsWmpf.js';
import { WMPF_MODEL } from '../parties/wmpfParty.js';

/** `callWMPF` (P §4.1): Alice calls the panel with its pushToken; WeChat pushes the call to the device itself. */
const callWmpf: PhoneToWmpfApi = {
  async place(phone, panel, options) {
    const pushToken = await panel.pushToken();
    return phone.callWMPF({ roomType: 'voice', sn: panel.sn, modelId: WMPF_MODEL, pushToken, nickName: 'Alice', ...options }).then(
      ({ roomId }) => ({ roomId }),
      (error: unknown) => ({ refusedWith: pluginRefusal(error) }),
    );
  },
};

const SN = 'SN-WMPF-0001';
const answered = callerHangsUpCell(callWmpf);

/**
 * phone → WMPF (`callWMPF`): the phone calls the Android panel, whose app receives the WMPF push and launches the
 * call page (P §4.1, §9, §13; D §3.3). callWMPF bills by its `chargeType`, `'license'` by default (P §4.1, §10.2).
 */
export const phoneToWmpfCallWmpf: DirectionSpec = {
  direction: 'phoneToWmpfCallWmpf',
  cells: {
    ...phoneToWmpfCallCells(callWmpf),
    // Since plugin 2.4.1 callWMPF needs no authorization (P §4, §8.2): the call goes through.
    notAuthorized: {
      ...answered,
      note: 'allowed: no authorization needed since plugin 2.4.1, P §8.2',
      run: async (env) => {
        await revokeAuthorization(env, 'openid-alice', SN);
        return answered.run(env);
      },
    },
    // callWMPF is the one phone → WMPF path that bills by license, its default chargeType (P §4.1, §10.2).
    licenseMissing: refused(callWmpf, (env) => setLicense(env, SN, null), 'VoipCgiError 24'),
    licenseExpired: refused(callWmpf, (env) => setLicense(env, SN, 1_700_000_000), 'VoipCgiError 23'),
    // Arrears stop duration billing (P §10.1): the call asks for chargeType 'duration'.
    arrears: refused(callWmpf, putInArrears, 'VoipCgiError 15', { chargeType: 'duration' }),
    capabilityMissing: refused(callWmpf, removeVoipCapability, 'VoipCgiError 12'),
  },
};
