import { z } from 'zod';
import { ModelId, RoomType, Sn } from '../common/identifiers.js';
import { EnvVersion } from './buildVersion.js';
import { ChargeType } from './chargeType.js';
import { CustomQuery } from './customQuery.js';
import { TimeLimit } from './timeLimit.js';

/**
 * `callWMPF(req)` arguments (P §4.1, plugin ≥ 2.4.0): the phone calls an Android WMPF device and WeChat
 * pushes the call to the device's `pushToken`. WeChat client only; failures are thrown.
 *
 * Defaults: `chargeType` `'license'`, both cameras on, `envVersion` `'release'`.
 * [I] Undocumented keys are dropped, not rejected.
 *
 * @example
 * CallWmpfRequest.parse({ roomType: 'video', sn: 'SN_0001', modelId: 'model-1', pushToken: 'pt', nickName: 'Mum' });
 */
export const CallWmpfRequest = z.object(
  {
    roomType: RoomType,
    sn: Sn,
    modelId: ModelId,
    pushToken: z
      .string({ required_error: "pushToken is required: the device's WMPF pushToken (wmpf.getWmpfPushToken)" })
      .min(1, "pushToken must not be empty: pass the device's WMPF pushToken (wmpf.getWmpfPushToken)"),
    nickName: z
      .string({ required_error: 'nickName is required for callWMPF: the WeChat user name shown on the device' })
      .min(1, 'nickName must not be empty: it is the WeChat user name shown on the device'),
    deviceName: z.string({ invalid_type_error: 'deviceName must be a string (the device name shown in WeChat)' }).optional(),
    chargeType: ChargeType.default('license'),
    timeLimit: TimeLimit.optional(),
    enableCallerCamera: z.boolean({ invalid_type_error: 'enableCallerCamera must be a boolean' }).default(true),
    enableListenerCamera: z.boolean({ invalid_type_error: 'enableListenerCamera must be a boolean' }).default(true),
    envVersion: EnvVersion.default('release'),
    customQuery: CustomQuery.optional(),
  },
  {
    required_error: 'callWMPF needs a request object',
    invalid_type_error: 'callWMPF needs a request object like { roomType, sn, modelId, pushToken, nickName, ... }',
  },
);
/** `callWMPF` arguments after defaults. */
export type CallWmpfRequest = z.infer<typeof CallWmpfRequest>;
/** `callWMPF` arguments as the caller writes them. */
export type CallWmpfRequestInput = z.input<typeof CallWmpfRequest>;
