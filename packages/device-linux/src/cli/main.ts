#!/usr/bin/env node
/**
 * `wxvoip-device`: run a simulated device against a mock platform.
 *
 * @example
 * // wxvoip-device linux --platform http://127.0.0.1:4123 --sn SN-LINUX-0001 --model model-linux-doorbell --app-secret demo-app-secret --auto answer
 */
import { USAGE, parseCliArgs } from './parseCliArgs.js';
import { runLinuxDevice } from './runLinuxDevice.js';

const options = parseCliArgs(process.argv.slice(2));
if (options === 'help') {
  process.stdout.write(USAGE);
} else if ('error' in options) {
  process.stderr.write(`wxvoip-device: ${options.error}\n\n${USAGE}`);
  process.exitCode = 2;
} else {
  const run = runLinuxDevice(options, {
    input: process.stdin,
    print: (line) => process.stdout.write(`${line}\n`),
    printError: (line) => process.stderr.write(`${line}\n`),
  });
  process.once('SIGINT', run.stop);
  process.once('SIGTERM', run.stop);
  void run.done.then((code) => {
    process.exitCode = code;
    process.stdin.destroy();
  });
}
