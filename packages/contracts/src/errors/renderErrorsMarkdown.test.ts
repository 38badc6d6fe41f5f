import { describe, expect, it } from 'vitest';
import { ERROR_CATALOGUE } from './catalogue.js';
import { ERROR_DOMAIN_INFO } from './errorDomains.js';
import { ErrorDomain } from './errorEntry.js';
import { renderErrorsMarkdown } from './renderErrorsMarkdown.js';

const markdown = renderErrorsMarkdown();

/** The text of one domain's section, up to the next heading. */
function section(domain: ErrorDomain): string {
  const start = markdown.indexOf(`\n## ${domain}: `);
  expect(start, `section for ${domain}`).toBeGreaterThan(-1);
  const next = markdown.indexOf('\n## ', start + 1);
  return markdown.slice(start, next === -1 ? undefined : next);
}

describe('renderErrorsMarkdown', () => {
  it('is deterministic', () => {
    expect(renderErrorsMarkdown()).toBe(markdown);
  });

  it('has one section per domain, in ErrorDomain order, with the domain description and table header', () => {
    const headings = markdown.split('\n').filter((line) => line.startsWith('## '));
    expect(headings).toEqual(ErrorDomain.options.map((domain) => `## ${domain}: ${ERROR_DOMAIN_INFO[domain].title}`));
    for (const domain of ErrorDomain.options) {
      expect(section(domain)).toContain(ERROR_DOMAIN_INFO[domain].description);
      expect(section(domain)).toContain('| code | key | message | what to do | source |');
    }
  });

  it('lists every entry once, as a row of its own domain with code, key, message, fix and source', () => {
    for (const entry of ERROR_CATALOGUE) {
      const rows = section(entry.domain).split('\n').filter((line) => line.includes(`| \`${entry.key}\` |`));
      expect(rows, entry.key).toHaveLength(1);
      const row = rows[0] ?? '';
      expect(row.startsWith(`| ${entry.code === null ? '—' : String(entry.code)} `)).toBe(true);
      expect(row).toContain(entry.message.replace(/\|/g, '\\|'));
      expect(row).toContain(entry.fix.replace(/\|/g, '\\|'));
      expect(row).toContain(`${entry.source} [${entry.tag}]`);
    }
  });

  it('keeps every table row at five cells (pipes in text are escaped)', () => {
    const rows = markdown.split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('| code |'));
    expect(rows).toHaveLength(ERROR_CATALOGUE.length);
    for (const row of rows) expect(row.split(/(?<!\\)\|/).length - 2, row).toBe(5);
  });

  it('shows the original Chinese text and the notes', () => {
    expect(section('backend')).toContain('原文 `sn_ticke 不合法`');
    expect(section('backend')).toContain('*Note:* Linux SDK: WXERROR_PERMISSION_DENIED');
  });
});
