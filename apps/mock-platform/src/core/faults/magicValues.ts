import { errmsgOf, type CodedErrorDomain, type PlatformOperation } from '@wxvoip/contracts';
import { forcedRefusal, type Refusal } from '../refusal.js';
import { MAGIC_OPERATIONS, type MagicField } from './magicOperations.js';
import { lookupCode } from './operationDomains.js';

/** Prefix of a magic value: `magic-err-<code>`, e.g. `magic-err-15` or `magic-err--10008`. */
export const MAGIC_PREFIX = 'magic-err-';

/** The code part: a non-zero integer without leading zeros, optionally negative (SN characters only: digits and `-`). */
const MAGIC_PATTERN = /^magic-err-(-?[1-9][0-9]{0,9})$/;

/** The values an API facade hands over: a field's value, or every value of a list field (device_list, openid lists). */
export type MagicFields = { readonly [F in MagicField]?: string | readonly string[] | undefined };

/** The fields in the order they are checked: the first magic value wins. */
const FIELD_ORDER: readonly MagicField[] = ['sn', 'openId', 'payload'];

/** The magic value for a code: `magicValue(15)` is `magic-err-15`. */
export function magicValue(code: number): string {
  return `${MAGIC_PREFIX}${String(code)}`;
}

/** The code a value asks for, or undefined when it is not a magic value (`magic-err-0` is not: 0 means success). */
export function parseMagicValue(value: string): number | undefined {
  const match = MAGIC_PATTERN.exec(value);
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

/**
 * The refusal a magic value forces, or undefined. The first magic value among `fields` (sn, then openId, then
 * payload; list order inside a list) whose code is a catalogue code of `domain` (the first of several domains that
 * knows it) is honoured; with `codes`, only those codes are. In a list containing `backend`, a negative code that
 * no domain knows is read as the RTOS SDK's negated backend code: `magic-err--10008` forces backend 10008, which the
 * RTOS simulator returns as -10008 (D §2.1). A value that forces nothing stays an ordinary value.
 *
 * Facades call it after contract validation and the credential check, before any business check; the refusal's
 * stage is `fault`.
 *
 * @example
 * magicRefusal({ openId: 'magic-err-15' }, 'backend')?.code; // 15
 */
export function magicRefusal(fields: MagicFields, domain: CodedErrorDomain | readonly CodedErrorDomain[], codes?: readonly number[]): Refusal | undefined {
  const domains: readonly CodedErrorDomain[] = typeof domain === 'string' ? [domain] : domain;
  for (const field of FIELD_ORDER) {
    const raw = fields[field];
    const values: readonly string[] = raw === undefined ? [] : typeof raw === 'string' ? [raw] : raw;
    for (const value of values) {
      const requested = parseMagicValue(value);
      if (requested === undefined) continue;
      const entry = lookupCode(requested, domains) ?? (requested < 0 && domains.includes('backend') ? lookupCode(-requested, ['backend']) : undefined);
      if (!entry || entry.code === null || (codes !== undefined && !codes.includes(entry.code))) continue;
      return forcedRefusal(
        entry.key,
        entry.code,
        errmsgOf(entry),
        'fault',
        `magic value ${field} '${value}' forces ${entry.domain} errcode ${String(entry.code)} (${entry.key}); see docs/magic-values.md`,
      );
    }
  }
  return undefined;
}

/** {@link magicRefusal} with the fields, domains and codes {@link MAGIC_OPERATIONS} gives `operation`; undefined for other operations. */
export function magicRefusalFor(operation: PlatformOperation, fields: MagicFields): Refusal | undefined {
  const rule = MAGIC_OPERATIONS[operation];
  if (!rule || !carriesMagicPrefix(fields)) return undefined;
  const honoured: { -readonly [F in MagicField]?: string | readonly string[] | undefined } = {};
  for (const field of FIELD_ORDER) if (rule.fields[field] !== undefined) honoured[field] = fields[field];
  return magicRefusal(honoured, rule.domains, rule.codes);
}

/** Whether any field value starts with {@link MAGIC_PREFIX}: almost no request does, and those pay nothing more (issue 19). */
function carriesMagicPrefix(fields: MagicFields): boolean {
  for (const field of FIELD_ORDER) {
    const raw = fields[field];
    if (raw === undefined) continue;
    if (typeof raw === 'string') {
      if (raw.startsWith(MAGIC_PREFIX)) return true;
    } else {
      for (const value of raw) if (value.startsWith(MAGIC_PREFIX)) return true;
    }
  }
  return false;
}
