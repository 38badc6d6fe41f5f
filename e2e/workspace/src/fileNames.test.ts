import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));

/** Every tracked source file of the repository, as a path relative to its root. */
function sourceFiles(): string[] {
  const out = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: root, encoding: 'utf8' });
  return out.split('\0').filter((f) => /\.(ts|tsx|js|mjs|cjs)$/.test(f) && !f.startsWith('node_modules/'));
}

/** A file: camelCase base named after its main export, then optional lower-case qualifiers (`.test`, `.e2e.test`, `.property.test`, `.test-d`, `.config`), then the extension. */
const FILE = /^[a-z][a-zA-Z0-9]*(\.[a-z][a-zA-Z0-9-]*)*\.(ts|tsx|js|mjs|cjs)$/;
/** A folder: lower-case kebab-case, like the package folders and npm names. */
const FOLDER = /^\.?[a-z0-9]+(-[a-z0-9]+)*$/;
/** A bin launcher is named after the command it installs (`bin/wxvoip-mock.js`). */
const BIN = /(^|\/)bin\/[a-z0-9]+(-[a-z0-9]+)*\.js$/;

describe('one file-naming convention (README › Contributing)', () => {
  const files = sourceFiles();

  it('finds the sources', () => {
    expect(files.length).toBeGreaterThan(300);
  });

  it('names every source file in camelCase after its main export', () => {
    const offenders = files.filter((f) => !BIN.test(f) && !FILE.test(f.slice(f.lastIndexOf('/') + 1)));
    expect(offenders).toEqual([]);
  });

  it('names every folder in kebab-case', () => {
    const folders = new Set(files.flatMap((f) => f.split('/').slice(0, -1)));
    expect([...folders].filter((d) => !FOLDER.test(d))).toEqual([]);
  });

  it('tells a wrong name apart', () => {
    expect(FILE.test('LinuxDevice.ts')).toBe(false);
    expect(FILE.test('wx-voip-status.ts')).toBe(false);
    expect(FILE.test('wxVoipStatus.test.ts')).toBe(true);
    expect(FOLDER.test('vendorCloud')).toBe(false);
  });
});
