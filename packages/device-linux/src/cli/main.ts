#!/usr/bin/env node
/**
 * `wxvoip-device`: run a simulated device against a mock platform, or call one from a phone without code. Run through
 * `bin/wxvoip-device.js` (the package's bin).
 *
 * @example
 * // wxvoip-device linux --platform http://127.0.0.1:3000 --sn SN-LINUX-0001 --model model-linux-doorbell --app-secret demo-app-secret --auto answer
 * // wxvoip-device phone call SN-LINUX-0001 --as openid-alice
 */
import { USAGE, parseCliArgs } from './parseCliArgs.js';
import { PHONE_USAGE, parsePhoneArgs } from './parsePhoneArgs.js';
import { runLinuxDevice } from './runLinuxDevice.js';
import { runPhoneCall } from './runPhoneCall.js';

const argv = process.argv.slice(2);
const io = { print: (line: string) => process.stdout.write(`${line}\n`), printError: (line: string) => process.stderr.write(`${line}\n`) };

/** Runs one command until it is done; SIGINT and SIGTERM stop it cleanly. */
function follow(run: { done: Promise<number>; stop: () => void }): void {
  process.once('SIGINT', run.stop);
  process.once('SIGTERM', run.stop);
  void run.done.then((code) => {
    process.exitCode = code;
    process.stdin.destroy();
  });
}

if (argv.find((arg) => !arg.startsWith('-')) === 'phone') {
  const options = parsePhoneArgs(argv);
  if (options === 'help') process.stdout.write(PHONE_USAGE);
  else if ('error' in options) {
    process.stderr.write(`wxvoip-device: ${options.error}\n\n${PHONE_USAGE}`);
    process.exitCode = 2;
  } else follow(runPhoneCall(options, io));
} else {
  const options = parseCliArgs(argv);
  if (options === 'help') process.stdout.write(USAGE);
  else if ('error' in options) {
    process.stderr.write(`wxvoip-device: ${options.error}\n\n${USAGE}`);
    process.exitCode = 2;
  } else follow(runLinuxDevice(options, { input: process.stdin, ...io }));
}
