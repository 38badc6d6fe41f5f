import { errorByKey } from '@wxvoip/contracts';
import type { PlatformOperation } from '@wxvoip/contracts';
import { MAGIC_OPERATIONS } from './magicOperations.js';
import { MAGIC_EXAMPLE_DOMAINS, MAGIC_VALUES, codesWithoutMagicValue } from './magicValueExamples.js';
import { MAGIC_PREFIX } from './magicValues.js';

/** The command that regenerates docs/magic-values.md, quoted in the file header and in the staleness test. */
export const MAGIC_VALUES_DOC_COMMAND = 'pnpm exec tsx --conditions=@wxvoip/source scripts/generateMagicValuesDoc.ts (in apps/mock-platform)';

/** Escapes a value for one Markdown table cell. */
function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function row(cells: readonly string[]): string {
  return `| ${cells.map(cell).join(' | ')} |`;
}

function codeList(codes: readonly number[]): string {
  return codes.map(String).join(', ');
}

/**
 * Renders docs/magic-values.md from {@link MAGIC_OPERATIONS} and {@link MAGIC_VALUES}: the rules, which operation
 * honours which field, one example per code, and the codes no magic value reaches. Pure and deterministic, so a test
 * can compare the committed file with it.
 *
 * @example
 * writeFileSync('docs/magic-values.md', renderMagicValuesMarkdown());
 */
export function renderMagicValuesMarkdown(): string {
  const lines: string[] = [
    '<!-- Generated from apps/mock-platform/src/core/faults. Do not edit by hand. -->',
    `<!-- Regenerate with: ${MAGIC_VALUES_DOC_COMMAND} -->`,
    '',
    '# Magic values',
    '',
    `Make the mock platform refuse a request with any documented code, without the control API: send \`${MAGIC_PREFIX}<code>\``,
    'as an SN, an openId or a payload. `magic-err-15` as the callee openId of a Linux `wx_voip_session_call` answers 15 (in arrears);',
    '`magic-err--10008` as the SN of an RTOS device makes its registration answer -10008. Nothing has to be seeded.',
    '',
    '- **Format.** `magic-err-` then a non-zero integer without leading zeros, optionally negative. Only `[0-9A-Za-z_-]`, so',
    '  every magic value is also a valid SN (128 bytes at most).',
    '- **Where.** Only the operations and fields listed below; a field counts only as a request argument naming a target or peer,',
    "  except for `registerDevice` and `wmpfGetDeviceToken`, where the calling device's own SN counts.",
    '- **Which codes.** A catalogue code of the operation\'s domains (read in the order given) that the operation can answer:',
    '  a WeChat route honours its documented errcodes, a transport route the codes listed. Any other value, `magic-err-0`',
    '  included, is an ordinary value. In a route reading `backend` codes, a negative code no domain knows is the RTOS',
    '  SDK\'s negated backend code: the platform answers the positive code and the RTOS simulator returns it negated.',
    '- **When.** After contract validation and the credential check (access_token, party credential), before every business',
    '  check (host, busy, tokens, openId, authorization, capability, billing). The refusal is journalled with stage `fault`',
    '  and a rule naming the field and the value. Injected faults (`addFault`) fire earlier, before any check.',
    '- **Order.** sn, then openId, then payload; inside a list (device_list, to_openid_list) the first magic value wins.',
    '',
    '## Operations that honour magic values',
    '',
    '| operation | sn | openId | payload | domains | codes |',
    '|---|---|---|---|---|---|',
  ];
  for (const [operation, rule] of Object.entries(MAGIC_OPERATIONS) as [PlatformOperation, NonNullable<(typeof MAGIC_OPERATIONS)[PlatformOperation]>][]) {
    const f = rule.fields;
    lines.push(row([`\`${operation}\``, f.sn ?? '—', f.openId ?? '—', f.payload ?? '—', rule.domains.join(', '), codeList(rule.codes)]));
  }
  lines.push('', 'Every other operation ignores magic values.');
  for (const domain of MAGIC_EXAMPLE_DOMAINS) {
    const examples = MAGIC_VALUES.filter((e) => e.domain === domain);
    lines.push('', `## Examples: ${domain} codes`, '', '| magic value | field | operation | answers | key | message |', '|---|---|---|---:|---|---|');
    for (const e of examples) {
      lines.push(row([`\`${e.value}\``, e.field, `\`${e.operation}\``, String(e.code), `\`${e.key}\``, errorByKey(e.key).message]));
    }
  }
  lines.push(
    '',
    '## Codes no magic value reaches',
    '',
    'These codes belong to operations without an sn, openId or payload (token routes, group creation, pushAppMsg, the face-pay',
    'contact APIs), or happen after a call was created (plugin 1008 and the 2xxx join codes). Force them with an injected fault:',
    '`POST /__admin/faults { "kind": "error", "operation": "<operation>", "errcode": <code> }`.',
    '',
    '| domain | code | key | message |',
    '|---|---:|---|---|',
  );
  for (const entry of codesWithoutMagicValue()) lines.push(row([entry.domain, String(entry.code), `\`${entry.key}\``, entry.message]));
  lines.push('');
  return lines.join('\n');
}
