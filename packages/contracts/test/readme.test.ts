/** packages/contracts/README.md states the package's rules with the same confidence tags as the code. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const readme = readFileSync(fileURLToPath(new URL('../README.md', import.meta.url)), 'utf8');

describe('README', () => {
  it('tags "unknown keys are dropped" as an inference, as the schemas do, not as what WeChat does', () => {
    expect(readme).not.toMatch(/dropped, as WeChat does/);
    expect(readme).toMatch(/Unknown keys in WeChat-shaped inputs are dropped, not rejected: an inference \[I\]/);
  });
});
