import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The mock platform's package directory (its CLI is `src/cli/main.ts`). */
export const MOCK_PLATFORM_DIR = fileURLToPath(new URL('../../../../apps/mock-platform/', import.meta.url));
/** The Linux device SDK's package directory (its CLI is `src/cli/main.ts`). */
export const DEVICE_LINUX_DIR = fileURLToPath(new URL('../../../../packages/device-linux/', import.meta.url));

/** A CLI run as a user runs it (`node --conditions=@wxvoip/source --import tsx src/cli/main.ts …`), with its output lines. */
export interface CliProcess {
  readonly child: ChildProcessWithoutNullStreams;
  /** stdout lines so far. */
  readonly lines: string[];
  /** stderr lines so far. */
  readonly errors: string[];
  /** Writes one line to stdin. */
  send(line: string): void;
  /** Resolves with the exit code (or the signal's name) once the process ended. */
  readonly exit: Promise<number | string | null>;
  /** Waits until a stdout line contains `text` (fails after `timeoutMs` with the output so far); returns the line. */
  waitFor(text: string | RegExp, timeoutMs?: number): Promise<string>;
}

/**
 * Starts `node --conditions=@wxvoip/source --import tsx src/cli/main.ts ...args` in a package directory.
 *
 * @example
 * const platform = spawnCli(MOCK_PLATFORM_DIR, ['--port', '0', '--data-dir', dir]);
 * const url = (await platform.waitFor('listening on')).split('listening on ')[1];
 */
export function spawnCli(cwd: string, args: string[]): CliProcess {
  const child = spawn(process.execPath, ['--conditions=@wxvoip/source', '--import', 'tsx', 'src/cli/main.ts', ...args], { cwd, stdio: 'pipe', env: { ...process.env, INIT_CWD: '' } });
  const lines: string[] = [];
  const errors: string[] = [];
  const split = (into: string[]) => {
    let rest = '';
    return (chunk: Buffer) => {
      rest += chunk.toString('utf8');
      const parts = rest.split('\n');
      rest = parts.pop() ?? '';
      into.push(...parts);
    };
  };
  child.stdout.on('data', split(lines));
  child.stderr.on('data', split(errors));
  const exit = new Promise<number | string | null>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));
  let ended = false;
  void exit.then(() => (ended = true));
  return {
    child,
    lines,
    errors,
    exit,
    send: (line) => child.stdin.write(`${line}\n`),
    async waitFor(text, timeoutMs = 20_000) {
      const matches = (line: string) => (typeof text === 'string' ? line.includes(text) : text.test(line));
      for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; ) {
        const found = lines.find(matches);
        if (found !== undefined) return found;
        if (ended) break;
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      throw new Error(`no line matching ${String(text)}; stdout:\n${lines.filter((l) => !l.startsWith('{')).join('\n')}\nstderr:\n${errors.join('\n')}`);
    },
  };
}
