import { z } from 'zod';
import { ModelId, RoomType, Sn } from '../common/identifiers.js';
import { ChargeType } from './chargeType.js';
import { encodeVideoFields } from './encodeVideo.js';
import { TimeLimit } from './timeLimit.js';

/**
 * `callDevice(req)` arguments (P §4.2, plugin ≥ 2.4.0): the phone calls a Linux device (the developer
 * relays `roomId` to it) or, with `isCloud: true`, an RTOS device (WeChat posts `iot_voip_notify` with
 * `payload` to the developer's server). WeChat client only; failures are thrown.
 *
 * Defaults: `chargeType` `'license'`, both cameras on, `isCloud` false, every `encodeVideo*` 0.
 * [I] `payload` without `isCloud: true` is accepted (the plugin is not documented to reject it), but only
 * the cloud callback carries it, so it reaches nobody. [I] Undocumented keys are dropped, not rejected.
 *
 * @example
 * CallDeviceRequest.parse({ roomType: 'video', sn: 'SN_0001', modelId: 'model-1', nickName: 'Mum' });
 */
export const CallDeviceRequest = z.object(
  {
    roomType: RoomType,
    sn: Sn,
    modelId: ModelId,
    chargeType: ChargeType.default('license'),
    timeLimit: TimeLimit.optional(),
    enableCallerCamera: z.boolean({ invalid_type_error: 'enableCallerCamera must be a boolean' }).default(true),
    enableListenerCamera: z.boolean({ invalid_type_error: 'enableListenerCamera must be a boolean' }).default(true),
    nickName: z.string({ invalid_type_error: 'nickName must be a string (the WeChat user name recorded for the device)' }).optional(),
    deviceName: z.string({ invalid_type_error: 'deviceName must be a string (the device name shown in WeChat)' }).optional(),
    isCloud: z.boolean({ invalid_type_error: 'isCloud must be a boolean (true when calling an RTOS / cloud device)' }).default(false),
    payload: z.string({ invalid_type_error: 'payload must be a string (copied into the iot_voip_notify callback)' }).optional(),
    ...encodeVideoFields,
  },
  {
    required_error: 'callDevice needs a request object',
    invalid_type_error: 'callDevice needs a request object like { roomType, sn, modelId, ... }',
  },
);
/** `callDevice` arguments after defaults. */
export type CallDeviceRequest = z.infer<typeof CallDeviceRequest>;
/** `callDevice` arguments as the caller writes them. */
export type CallDeviceRequestInput = z.input<typeof CallDeviceRequest>;
