/**
 * `@wxvoip/device-linux/cli`: the `wxvoip-device` command as functions, to embed a runnable device in a script.
 *
 * @example
 * import { parseCliArgs, runLinuxDevice } from '@wxvoip/device-linux/cli';
 * const options = parseCliArgs(['linux', '--platform', url, '--sn', 'SN-LINUX-0001', '--model', 'model-linux-doorbell']);
 */
export { USAGE, invocationDir, parseCliArgs } from './parseCliArgs.js';
export { PHONE_USAGE, parsePhoneArgs } from './parsePhoneArgs.js';
export { runPhoneCall } from './runPhoneCall.js';
export { runLinuxDevice, statusLine } from './runLinuxDevice.js';
export { fetchSnTicket } from './fetchSnTicket.js';

export type { AutoPolicy, LinuxCliOptions } from './parseCliArgs.js';
export type { PhoneCliOptions } from './parsePhoneArgs.js';
export type { CliIo } from './runLinuxDevice.js';
