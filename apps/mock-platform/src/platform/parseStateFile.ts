import { Seed, STATE_FORMAT_VERSION, StateFileHeader, StateFileRuntime, type StateFile } from '@wxvoip/contracts';
import type { ZodIssue } from 'zod';

/** What to do about a state file the platform will not load: the way out, in words (ADR 0015). */
export const STATE_FILE_WAY_OUT =
  'The file was left as it is. Move it out of the data directory (to keep it), start with --wipe-state to delete the saved state ' +
  '(startMockPlatform: wipeState: true), or start with --ephemeral to keep nothing.';

/** A state file (or data directory) the platform refuses to start with: the message names the file and the way out. */
export class StateFileError extends Error {
  override readonly name = 'StateFileError';

  constructor(
    /** The file (or directory) concerned. */
    readonly path: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Reads the text of a state file: JSON, the `wxvoip-mock-state` marker, a `formatVersion` this version reads, the
 * namespace its name says, a valid seed and a valid runtime part. Throws a {@link StateFileError} that names the file,
 * says what is wrong and gives the way out; never changes anything.
 *
 * @example
 * const file = parseStateFile('/repo/.wxvoip-mock/namespaces/default.json', text, 'default');
 */
export function parseStateFile(path: string, text: string, namespace: string): StateFile {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new StateFileError(path, `cannot start: the state file ${path} is not valid JSON (${(error as Error).message}); it may be damaged. ${STATE_FILE_WAY_OUT}`);
  }
  const header = StateFileHeader.safeParse(data);
  if (!header.success) throw new StateFileError(path, `cannot start: ${path} is not a wxvoip-mock state file:\n${lines(header.error.issues)}\n${STATE_FILE_WAY_OUT}`);
  if (header.data.formatVersion > STATE_FORMAT_VERSION) {
    throw new StateFileError(
      path,
      `cannot start: the state file ${path} has formatVersion ${header.data.formatVersion}, written by a newer wxvoip-mock; this one reads formatVersion ${STATE_FORMAT_VERSION}. ` +
        `Upgrade @wxvoip/mock-platform to use it. ${STATE_FILE_WAY_OUT}`,
    );
  }
  if (header.data.namespace !== namespace) {
    throw new StateFileError(path, `cannot start: the state file ${path} holds namespace "${header.data.namespace}", not "${namespace}" as its name says. ${STATE_FILE_WAY_OUT}`);
  }
  const seed = Seed.safeParse(data);
  const runtime = StateFileRuntime.safeParse(data);
  const issues = [...(seed.success ? [] : seed.error.issues), ...(runtime.success ? [] : runtime.error.issues)];
  if (issues.length > 0) throw new StateFileError(path, `cannot start: the state file ${path} does not match the state schema:\n${lines(issues)}\n${STATE_FILE_WAY_OUT}`);
  return data as StateFile;
}

function lines(issues: readonly ZodIssue[]): string {
  const shown = issues.slice(0, 10).map((issue) => `  - ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  if (issues.length > 10) shown.push(`  - … and ${issues.length - 10} more`);
  return shown.join('\n');
}
