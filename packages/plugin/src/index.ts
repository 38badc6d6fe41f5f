/**
 * @wxvoip/plugin: types and a simulator of WeChat's `wmpf-voip` mini-program plugin.
 *
 * Empty until the plugin issue lands: this package has no public surface yet.
 */
export {};
