import { z } from 'zod';
import { UIConfig } from './uiConfig.js';

/**
 * Height of the half-screen panel opened by the custom button (P §5.3, plugin ≥ 2.3.10).
 * [I] The API page accepts only `'70vh'` and `'90vh'`; the 2.3.10 changelog says 75vh (P §12.11). The API
 * page is followed.
 */
export const CustomBoxHeight = z.enum(['70vh', '90vh'], {
  errorMap: () => ({ message: "customBoxHeight must be '70vh' or '90vh' (the only heights the plugin accepts)" }),
});
/** Height of the custom button's half-screen panel. */
export type CustomBoxHeight = z.infer<typeof CustomBoxHeight>;

/**
 * `setUIConfig(config)` argument (P §5.3). Set it before the call starts. `handsFree` only matters on the
 * device (plugin 2.3.0 + WMPF ≥ 2.0). [I] Defaults are filled, so each call describes the whole config.
 *
 * @example
 * SetUIConfigRequest.parse({ btnText: 'Open door', listenerUI: { cameraRotation: 90 } });
 */
export const SetUIConfigRequest = z.object(
  {
    btnText: z.string({ invalid_type_error: 'btnText must be a string (the custom button label)' }).optional(),
    callerUI: UIConfig.optional(),
    listenerUI: UIConfig.optional(),
    handsFree: z.boolean({ invalid_type_error: 'handsFree must be a boolean (true speaker, false earpiece)' }).default(true),
    isSelfWindowMax: z.boolean({ invalid_type_error: 'isSelfWindowMax must be a boolean' }).default(false),
    customBoxHeight: CustomBoxHeight.default('90vh'),
  },
  {
    required_error: 'setUIConfig needs a config object',
    invalid_type_error: 'setUIConfig needs a config object like { callerUI, listenerUI, handsFree, ... }',
  },
);
/** `setUIConfig` argument after defaults. */
export type SetUIConfigRequest = z.infer<typeof SetUIConfigRequest>;
/** `setUIConfig` argument as the caller writes it. */
export type SetUIConfigRequestInput = z.input<typeof SetUIConfigRequest>;
