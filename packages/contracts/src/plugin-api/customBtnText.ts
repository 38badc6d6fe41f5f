import { z } from 'zod';

/**
 * `setCustomBtnText(btnText)` argument (P §5.4): the label of a custom button shown to a WeChat-client
 * listener once the call has started.
 */
export const CustomBtnText = z
  .string({
    required_error: 'btnText is required: the label of the custom call-page button',
    invalid_type_error: 'btnText must be a string: the label of the custom call-page button',
  });
/** `setCustomBtnText` argument. */
export type CustomBtnText = z.infer<typeof CustomBtnText>;
