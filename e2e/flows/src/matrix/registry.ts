import { linuxToPhone } from '../directions/linuxToPhone.js';
import { phoneToLinux } from '../directions/phoneToLinux.js';
import { phoneToRtos } from '../directions/phoneToRtos.js';
import { phoneToWmpfCallWmpf } from '../directions/phoneToWmpfCallWmpf.js';
import { phoneToWmpfInitByCaller } from '../directions/phoneToWmpfInitByCaller.js';
import { rtosToPhone } from '../directions/rtosToPhone.js';
import { serverToPhone } from '../directions/serverToPhone.js';
import { wmpfToPhone } from '../directions/wmpfToPhone.js';
import { wmpfToPhoneDeviceToken } from '../directions/wmpfToPhoneDeviceToken.js';
import type { DirectionSpec } from './cell.js';

/** Every direction of the matrix, in the order of the README table. */
export const MATRIX: readonly DirectionSpec[] = [
  phoneToLinux,
  phoneToRtos,
  phoneToWmpfCallWmpf,
  phoneToWmpfInitByCaller,
  wmpfToPhone,
  wmpfToPhoneDeviceToken,
  linuxToPhone,
  rtosToPhone,
  serverToPhone,
];
