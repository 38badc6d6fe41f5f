import { readFileSync } from 'node:fs';
import { PLUGIN_FEATURES } from '@wxvoip/contracts';
import { describe, expect, it } from 'vitest';
import { SIMULATED_VERSION_BEHAVIOUR } from './versionBehaviour.js';

describe('README version table', () => {
  it('has one row per feature with the simulator behaviour, as SIMULATED_VERSION_BEHAVIOUR says', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    for (const [key, behaviour] of Object.entries(SIMULATED_VERSION_BEHAVIOUR)) {
      const since = PLUGIN_FEATURES[key as keyof typeof PLUGIN_FEATURES].since ?? '—';
      expect(readme).toContain(`| \`${key}\` | ${since} | ${behaviour.simulated ? 'yes' : 'no'} | ${behaviour.whenOlder} |`);
    }
  });
});
