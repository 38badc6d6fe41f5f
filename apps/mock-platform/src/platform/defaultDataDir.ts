import { join } from 'node:path';

/** Name of the data directory the CLI uses by default, under the directory the user ran it from. */
export const DEFAULT_DATA_DIR_NAME = '.wxvoip-mock';

/**
 * The CLI's default data directory: `.wxvoip-mock` under the directory the user ran the command from. pnpm and npm
 * run scripts in the package's directory but say where the user was in `INIT_CWD`, so `pnpm start` at the root of
 * a repository keeps its state at the root.
 *
 * @example
 * defaultDataDir({ INIT_CWD: '/home/me/repo' }, '/home/me/repo/apps/mock-platform'); // '/home/me/repo/.wxvoip-mock'
 */
export function defaultDataDir(env: Readonly<Record<string, string | undefined>> = process.env, cwd: string = process.cwd()): string {
  const initCwd = env['INIT_CWD'];
  return join(initCwd !== undefined && initCwd !== '' ? initCwd : cwd, DEFAULT_DATA_DIR_NAME);
}
