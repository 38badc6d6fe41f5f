/**
 * @wxvoip/device-linux: a simulator of WeChat's linux device SDK.
 *
 * Empty until the device-linux issue lands: this package has no public surface yet.
 */
export {};
