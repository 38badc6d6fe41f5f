// Runs in the scratch project under plain Node 20 (no TypeScript loader): imports every public entry of every
// installed @wxvoip package, as listed in its installed package.json "exports", and prints one JSON report.
import { readFileSync } from 'node:fs';

const names = JSON.parse(process.argv[2] ?? '[]');
const results = [];
for (const name of names) {
  const manifest = JSON.parse(readFileSync(new URL(`../node_modules/${name}/package.json`, import.meta.url), 'utf8'));
  for (const key of Object.keys(manifest.exports ?? {})) {
    const specifier = key === '.' ? name : `${name}/${key.slice(2)}`;
    try {
      const loaded = key.endsWith('.json') ? await import(specifier, { with: { type: 'json' } }) : await import(specifier);
      results.push({ specifier, ok: true, names: Object.keys(loaded).length });
    } catch (error) {
      results.push({ specifier, ok: false, error: String(error instanceof Error ? (error.stack ?? error.message) : error).slice(0, 2000) });
    }
  }
}
process.stdout.write(`${JSON.stringify(results)}\n`);
