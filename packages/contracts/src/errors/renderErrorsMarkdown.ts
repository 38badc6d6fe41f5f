import { ERROR_CATALOGUE } from './catalogue.js';
import type { CatalogueEntry } from './catalogue.js';
import { ERROR_DOMAIN_INFO } from './errorDomains.js';
import { ErrorDomain } from './errorEntry.js';

/** The command that regenerates docs/errors.md, quoted in the file header and in the staleness test. */
export const ERRORS_DOC_COMMAND = 'pnpm exec tsx scripts/generateErrorsDoc.ts (in packages/contracts)';

/** Escapes a value for one Markdown table cell. */
function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function codeCell(entry: CatalogueEntry): string {
  return entry.code === null ? `— (${entry.event})` : String(entry.code);
}

function messageCell(entry: CatalogueEntry): string {
  const text = entry.wording === 'quoted' ? `\`${entry.message}\`` : entry.message;
  const withZh = 'messageZh' in entry ? `${text} (原文 \`${entry.messageZh}\`)` : text;
  return 'wireErrmsg' in entry && entry.wireErrmsg !== undefined ? `${withZh}; errmsg on the wire: \`${entry.wireErrmsg}\` (${entry.wireSource ?? entry.source})` : withZh;
}

function fixCell(entry: CatalogueEntry): string {
  return 'note' in entry ? `${entry.fix} *Note:* ${entry.note}` : entry.fix;
}

function row(entry: CatalogueEntry): string {
  const cells = [codeCell(entry), `\`${entry.key}\``, messageCell(entry), fixCell(entry), `${entry.source} [${entry.tag}]`];
  return `| ${cells.map(cell).join(' | ')} |`;
}

function anchor(domain: ErrorDomain): string {
  return `${domain}-${ERROR_DOMAIN_INFO[domain].title}`.toLowerCase().replace(/[^a-z0-9_ -]/g, '').replace(/ /g, '-');
}

/**
 * Renders docs/errors.md from the catalogue: one section per domain with a table of code, key, message, what to do
 * and source. Pure and deterministic, so a test can compare the committed file with it.
 *
 * @example
 * writeFileSync('docs/errors.md', renderErrorsMarkdown());
 */
export function renderErrorsMarkdown(): string {
  const lines: string[] = [
    '<!-- Generated from packages/contracts/src/errors. Do not edit by hand. -->',
    `<!-- Regenerate with: ${ERRORS_DOC_COMMAND} -->`,
    '',
    '# Error catalogue',
    '',
    `Every error code of WeChat hardware VoIP calls that \`@wxvoip/contracts\` knows: ${String(ERROR_CATALOGUE.length)} entries in ${String(ErrorDomain.options.length)} domains.`,
    'A key is unique everywhere; a code is unique only inside its domain (backend 9 and `wx_error_t` 9 differ).',
    'Messages in `code font` are WeChat literals; the others restate the reference in WeChat\'s style.',
    'Sources: `P` = reference/plugin-api.md, `D` = reference/devices-and-platform.md; tags: [D] documented, [C] community, [T] third-party, [I] inferred.',
    'Look entries up with `findError(domain, code)` or `errorByKey(key)`.',
    "A `VoipError` raised by `@wxvoip/plugin` reads like the real plugin's: its `message` starts with WeChat's `errMsg`; the \"what to do\" text below is its `fix` property.",
    '',
  ];
  for (const domain of ErrorDomain.options) {
    lines.push(`- [${domain}: ${ERROR_DOMAIN_INFO[domain].title}](#${anchor(domain)})`);
  }
  for (const domain of ErrorDomain.options) {
    const info = ERROR_DOMAIN_INFO[domain];
    lines.push('', `## ${domain}: ${info.title}`, '', info.description, '');
    lines.push('| code | key | message | what to do | source |', '|---:|---|---|---|---|');
    for (const entry of ERROR_CATALOGUE) if (entry.domain === domain) lines.push(row(entry));
  }
  lines.push('');
  return lines.join('\n');
}
