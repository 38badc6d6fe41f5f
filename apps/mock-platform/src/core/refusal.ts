import { errmsgOf, errorByKey, type CheckStage, type ErrorKey, type FaultId } from '@wxvoip/contracts';

/**
 * Why the platform said no: the catalogue entry, the check stage that failed, and the rule in words.
 * Every refusal is journalled with this, so a test (or a person in the inspector) can see why.
 */
export interface Refusal {
  /** Catalogue key of the answer (for example `DEVICE_NOT_AUTHORIZED`); null for a forced code the catalogue lacks. */
  readonly key: ErrorKey | null;
  /** The numeric code in the key's domain (errcode, errCode or wx_error_t value). */
  readonly code: number;
  /** WeChat's message for the code: its documented wire literal, or the catalogue message with the detail appended. */
  readonly message: string;
  /** The check stage that refused (arguments, tokens, authorization, billing, …). */
  readonly stage: CheckStage;
  /** The rule that failed, in words a developer can act on. */
  readonly rule: string;
  /** The fault that forced this refusal, when one did. */
  readonly faultId?: FaultId;
}

/** The result of a core operation: a value, or a {@link Refusal}. User input never makes the core throw. */
export type Outcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly refusal: Refusal };

/** A successful {@link Outcome}. */
export function accept<T>(value: T): Outcome<T> {
  return { ok: true, value };
}

/**
 * A refused {@link Outcome} built from the catalogue.
 *
 * @example
 * return refuse('GROUP_FULL', 'state', `group ${groupId} already holds ${max} devices`);
 */
export function refuse<T = never>(key: ErrorKey, stage: CheckStage, rule: string, detail?: string): Outcome<T> {
  return { ok: false, refusal: refusal(key, stage, rule, detail) };
}

/** A {@link Refusal} built from the catalogue. */
export function refusal(key: ErrorKey, stage: CheckStage, rule: string, detail?: string): Refusal {
  const entry = errorByKey(key);
  const code = entry.code ?? 0;
  // WeChat's documented wire literal where there is one (D §4.3); the rule keeps the explanation for the journal.
  const message = errmsgOf(entry, detail);
  return { key, code, message, stage, rule };
}

/** A refusal with a code that a fault or a magic value asked for (the catalogue may not know the code). */
export function forcedRefusal(key: ErrorKey | null, code: number, message: string, stage: CheckStage, rule: string, faultId?: FaultId): Refusal {
  return { key, code, message, stage, rule, ...(faultId === undefined ? {} : { faultId }) };
}
