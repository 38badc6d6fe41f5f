import { z } from 'zod';

/**
 * One validation issue: the dotted path of the field (`apps.0.devices.1.modelId`; empty for the whole body)
 * and a message that names the field and the rule.
 *
 * @example
 * FieldIssue.parse({ path: 'apps.0.pushConfig.encodingAESKey', message: 'encodingAESKey must be 43 characters …' });
 */
export const FieldIssue = z.object({
  path: z.string(),
  message: z.string().min(1, 'message must not be empty'),
});
/** One validation issue. */
export type FieldIssue = z.infer<typeof FieldIssue>;
