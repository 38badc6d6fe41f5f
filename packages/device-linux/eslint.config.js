// @ts-check
// eslint-disable-next-line @nx/enforce-module-boundaries -- the workspace config, not a package
import root from '../../eslint.config.js';

/**
 * The workspace rules, plus one exception: the runnable examples are user code, so they import this package by its
 * published name (`@wxvoip/device-linux`), exactly as the README shows them, instead of a relative path.
 */
export default [
  ...root,
  {
    files: ['examples/**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': ['error', { allow: ['@wxvoip/device-linux'], enforceBuildableLibDependency: false, depConstraints: [{ sourceTag: 'type:sdk', onlyDependOnLibsWithTags: ['type:contracts'] }] }],
    },
  },
];
