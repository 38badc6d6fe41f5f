/**
 * @wxvoip/mock-platform: a mock WeChat platform for hardware VoIP calls.
 *
 * Empty until the platform core and server issues land: this package has no public surface yet.
 */
export {};
