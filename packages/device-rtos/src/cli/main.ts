#!/usr/bin/env node
/**
 * `wxvoip-rtos`: RTOS tools around a wxvoip mock platform. Run through `bin/wxvoip-rtos.js` (the package's bin).
 *
 * @example
 * // wxvoip-rtos vendor-cloud --platform http://127.0.0.1:3000
 */
import { startVendorCloudCommand, VENDOR_CLOUD_USAGE, VendorCloudUsageError } from '../vendor-cloud/vendorCloudCommand.js';

const USAGE = `Usage: wxvoip-rtos <command> [options]

Commands:
  vendor-cloud   run the example vendor cloud with a simulated RTOS camera, and point the app's push URL at it

Run "wxvoip-rtos vendor-cloud --help" for its options.
`;

const [command, ...rest] = process.argv.slice(2).filter((arg, index) => !(index === 0 && arg === '--'));
if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
  process.stdout.write(USAGE);
} else if (command !== 'vendor-cloud') {
  process.stderr.write(`wxvoip-rtos: unknown command "${command}"\n\n${USAGE}`);
  process.exitCode = 2;
} else if (rest.includes('--help') || rest.includes('-h')) {
  process.stdout.write(VENDOR_CLOUD_USAGE);
} else {
  startVendorCloudCommand(rest).then(
    (example) => {
      const stop = () => void example.close().then(() => process.exit(0));
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    },
    (error: unknown) => {
      process.stderr.write(`wxvoip-rtos: ${error instanceof VendorCloudUsageError ? error.message : String(error instanceof Error ? (error.stack ?? error.message) : error)}\n`);
      process.exitCode = error instanceof VendorCloudUsageError ? 2 : 1;
    },
  );
}
