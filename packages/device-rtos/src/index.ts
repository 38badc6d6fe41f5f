/**
 * @wxvoip/device-rtos: a simulator of WeChat's rtos device SDK.
 *
 * Empty until the device-rtos issue lands: this package has no public surface yet.
 */
export {};
