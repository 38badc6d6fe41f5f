// @ts-check
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

/**
 * The dependency rules of docs/architecture (DESIGN.md), enforced on every lint run.
 *
 * Tags (set in each package.json under "nx.tags"):
 * - type:contracts  the one contract; depends on nothing internal
 * - type:client     the party client every SDK stands on (ADR 0025); depends on contracts only
 * - type:sdk        plugin and device simulators; run time depends on contracts and the party client only, never on
 *                   another SDK
 * - type:platform   the mock platform; run time depends on contracts only
 * - type:e2e        cross-package flows; may depend on anything
 * - type:example    an example mini program: its own code (miniprogram/) imports nothing, it reaches the plugin
 *                   through requirePlugin; its tests may use the SDKs, the plugin's testing entry and the platform
 * - runtime:portable  must load in a mini program's JavaScript engine: no Node built-ins
 */

/** Every Node built-in, with and without the `node:` prefix. */
const nodeBuiltins = [...new Set(builtinModules.flatMap((m) => [m, `node:${m}`, `${m}/*`, `node:${m}/*`]))];

const testFiles = ['**/*.test.ts', '**/*.test-d.ts', '**/test/**/*.ts', '**/bench/**/*.ts'];

/** Module-boundary constraints for runtime code. */
const runtimeConstraints = [
  {
    sourceTag: 'type:contracts',
    onlyDependOnLibsWithTags: [],
    bannedExternalImports: ['fastify', '@fastify/*', 'msw', 'msw/*', '@ts-rest/fastify', '@ts-rest/serverless', 'ws'],
  },
  {
    sourceTag: 'type:client',
    onlyDependOnLibsWithTags: ['type:contracts'],
    bannedExternalImports: ['fastify', '@fastify/*', 'msw', 'msw/*', '@ts-rest/fastify', '@ts-rest/serverless', 'ws'],
  },
  { sourceTag: 'type:sdk', onlyDependOnLibsWithTags: ['type:contracts', 'type:client'], bannedExternalImports: ['fastify', '@fastify/*', '@ts-rest/fastify'] },
  { sourceTag: 'type:platform', onlyDependOnLibsWithTags: ['type:contracts'] },
  { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:contracts', 'type:client', 'type:sdk', 'type:platform'] },
  { sourceTag: 'type:example', onlyDependOnLibsWithTags: [] },
];

/** Tests may additionally drive the platform (in-process or over HTTP); contracts' tests still may not. */
const testConstraints = runtimeConstraints.map((c) =>
  c.sourceTag === 'type:sdk'
    ? { ...c, onlyDependOnLibsWithTags: ['type:contracts', 'type:client', 'type:platform'] }
    : c.sourceTag === 'type:client'
      ? { ...c, onlyDependOnLibsWithTags: ['type:contracts', 'type:platform'], bannedExternalImports: [] }
    : c.sourceTag === 'type:example'
      ? { ...c, onlyDependOnLibsWithTags: ['type:contracts', 'type:client', 'type:sdk', 'type:platform'] }
      : c,
);

/** The globals WeChat's mini-program runtime gives page and app code. */
const miniProgramGlobals = Object.fromEntries(
  ['wx', 'App', 'Page', 'Component', 'Behavior', 'getApp', 'getCurrentPages', 'requirePlugin', 'requireMiniProgram', 'console', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Promise'].map((name) => [name, 'readonly']),
);

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '**/.tsbuild/**', '**/.nx/**', '**/coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { plugins: { '@nx': nx } },
  {
    files: ['**/*.ts', '**/*.js', '**/*.mjs'],
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    rules: {
      '@nx/enforce-module-boundaries': ['error', { allow: [], enforceBuildableLibDependency: false, depConstraints: runtimeConstraints }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'separate-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Plain JavaScript that runs under Node: the bin launchers and the scripts the release rehearsal runs in its
    // scratch project (the README's examples among them, which must stay free of lint comments).
    files: ['**/bin/*.js', 'e2e/release/src/scratch/**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', URL: 'readonly', fetch: 'readonly', console: 'readonly', setTimeout: 'readonly' } },
  },
  {
    files: testFiles,
    rules: {
      '@nx/enforce-module-boundaries': ['error', { allow: [], enforceBuildableLibDependency: false, depConstraints: testConstraints }],
    },
  },
  {
    // `@wxvoip/plugin/testing` is a test helper shipped to users: it wires the plugin simulator to an in-process
    // platform, so it may import the platform (an optional peer dependency), as tests do.
    files: ['packages/plugin/src/testing/**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': ['error', { allow: [], enforceBuildableLibDependency: false, depConstraints: testConstraints }],
    },
  },
  {
    // An example mini program's own code: CommonJS with the mini-program globals, as WeChat runs it. No Node global
    // exists there, and workspace packages are not importable: the plugin is reached through requirePlugin.
    files: ['examples/*/miniprogram/**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: miniProgramGlobals },
    rules: {
      '@typescript-eslint/no-require-imports': 'off',
      // Page code keeps `this` (the page instance) for listeners bound once at module level, as WeChat's docs advise.
      '@typescript-eslint/no-this-alias': 'off',
      'no-restricted-globals': [
        'error',
        ...['Buffer', 'process', '__dirname', '__filename', 'setImmediate', 'global', 'globalThis', 'window', 'document'].map((name) => ({
          name,
          message: `'${name}' does not exist in a mini program's JavaScript engine.`,
        })),
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.name='require'] > Literal[value=/^(?!\\.)/]",
          message: 'Mini-program code can only require its own files (relative paths): reach the plugin with requirePlugin.',
        },
      ],
    },
  },
  {
    // Tool configuration shares the workspace's vitest settings by relative path; it is not package code.
    files: ['**/vitest.config.ts'],
    rules: { '@nx/enforce-module-boundaries': 'off' },
  },
  {
    // Portable runtime code: loads in a mini program's JS engine, where Node built-ins do not exist.
    files: ['packages/contracts/src/**/*.ts', 'packages/party-client/src/**/*.ts', 'packages/plugin/src/**/*.ts'],
    ignores: [...testFiles, 'packages/plugin/src/testing/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins.filter((m) => !m.endsWith('/*')).map((name) => ({
            name,
            message: 'Portable runtime code must load in a mini program JavaScript engine: Node built-ins are not available there. Inject the capability instead.',
          })),
          patterns: [
            {
              group: ['fastify', 'fastify/*', '@fastify/*', '@ts-rest/fastify', '@ts-rest/serverless', 'msw', 'msw/*', 'ws'],
              message: 'Portable runtime code runs in a mini program: server frameworks, msw and sockets belong in the mock platform.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...['Buffer', 'process', 'require', '__dirname', '__filename', 'setImmediate', 'global'].map((name) => ({
          name,
          message: `'${name}' is a Node global and does not exist in a mini program JavaScript engine.`,
        })),
      ],
    },
  },
  {
    // The platform core is transport-free: adapters (fastify, msw, push, callbacks) import it, never the reverse.
    files: ['apps/mock-platform/src/core/**/*.ts'],
    ignores: testFiles,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['http', 'https', 'http2', 'net', 'tls', 'dgram', 'dns', 'child_process', 'cluster', 'worker_threads']
            .flatMap((m) => [m, `node:${m}`])
            .map((name) => ({ name, message: 'The platform core is transport-free: network code belongs in an adapter (src/server, src/msw).' })),
          patterns: [
            { group: ['fastify', 'fastify/*', '@fastify/*', '@ts-rest/fastify', '@ts-rest/serverless', 'msw', 'msw/*', 'ws', 'undici'], message: 'The platform core is transport-free: fastify, msw and sockets belong in an adapter.' },
            { group: ['**/server/**', '**/msw/**', '**/adapters/**'], message: 'The core must not import its adapters.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', ...['setTimeout', 'setInterval', 'fetch'].map((name) => ({ name, message: `The core uses the injected clock and emits effects as data; '${name}' is not allowed here.` }))],
    },
  },
);
