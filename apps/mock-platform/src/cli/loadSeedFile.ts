import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { Seed, type SeedInput } from '@wxvoip/contracts';

/** A seed file that could not be used, with every reason in words. */
export class SeedFileError extends Error {
  override readonly name = 'SeedFileError';
}

/**
 * Reads a seed file (JSON, or YAML for `.yaml`/`.yml`) and validates it with the contract's `Seed` schema.
 *
 * @example
 * const seed = await loadSeedFile('my-seed.yaml'); // throws SeedFileError naming each bad field
 */
export async function loadSeedFile(path: string): Promise<SeedInput> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new SeedFileError(`cannot read seed file ${path}: ${(error as Error).message}`);
  }
  const yaml = ['.yaml', '.yml'].includes(extname(path).toLowerCase());
  // The YAML parser (about 70 modules) is loaded only for a YAML seed: most starts use the demo seed (issue 19).
  const parseYaml = yaml ? (await import('yaml')).parse : undefined;
  let data: unknown;
  try {
    data = parseYaml ? parseYaml(text) : JSON.parse(text);
  } catch (error) {
    throw new SeedFileError(`seed file ${path} is not valid ${extname(path).toLowerCase().startsWith('.y') ? 'YAML' : 'JSON'}: ${(error as Error).message}`);
  }
  const parsed = Seed.safeParse(data);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  - ${issue.path.join('.') || '(root)'}: ${issue.message}`);
    throw new SeedFileError(`seed file ${path} does not match the seed schema:\n${lines.join('\n')}`);
  }
  return data as SeedInput;
}
