/**
 * A check of a value against one of the contract's zod schemas, made cheaper (issue 19, ADR 0043): the SDK clients
 * check answers and push frames with it, the mock platform requests and responses (ADR 0046).
 * a predicate compiled once per schema from the schema's own definition says whether zod would accept the value
 * **exactly as it is** (valid, and zod's output equal to the input: nothing stripped, defaulted or transformed). Only
 * then is the value taken as it is; in every other case, and for every construct the compiler does not know, zod's
 * `safeParse` runs, so its data and its issues are what the caller gets. The predicate never accepts what zod
 * rejects: `contractCheck.test.ts` compares it with zod on real answers and frames and thousands of mutations of them.
 */

/** What {@link contractCheck} answers: zod's `safeParse` result shape, as far as its callers read it. */
export type ContractCheckResult = { success: true; data: unknown } | { success: false; error: { issues: { path: (string | number)[]; message: string }[] } };

/** A zod schema, as far as the compiler and the fallback use it. */
export interface CheckableSchema {
  safeParse(value: unknown): ContractCheckResult;
  readonly _def: unknown;
}

/** A compiled predicate's verdict: exact (valid, output === input), invalid (zod would refuse), unknown (ask zod). */
const EXACT = 0;
const INVALID = 1;
const UNKNOWN = 2;
type Verdict = typeof EXACT | typeof INVALID | typeof UNKNOWN;
type Predicate = (value: unknown) => Verdict;

/** The zod definition fields the compiler reads (zod v3). */
interface Def {
  readonly typeName?: string;
  readonly checks?: readonly { kind: string; value?: unknown; inclusive?: boolean; regex?: RegExp }[];
  readonly value?: unknown;
  readonly values?: readonly unknown[];
  readonly innerType?: CheckableSchema;
  readonly type?: CheckableSchema;
  readonly shape?: () => Record<string, CheckableSchema>;
  readonly unknownKeys?: string;
  readonly catchall?: CheckableSchema;
  readonly options?: readonly CheckableSchema[] | Map<unknown, CheckableSchema>;
  readonly optionsMap?: Map<unknown, CheckableSchema>;
  readonly discriminator?: string;
  readonly schema?: CheckableSchema;
  readonly effect?: { type: string; refinement?: (value: unknown, ctx: unknown) => unknown };
  readonly exactLength?: { value: number } | null;
  readonly minLength?: { value: number } | null;
  readonly maxLength?: { value: number } | null;
  readonly coerce?: boolean;
  readonly keyType?: CheckableSchema;
  readonly valueType?: CheckableSchema;
  readonly getter?: () => CheckableSchema;
}

const compiled = new WeakMap<object, Predicate>();
/** How many checks went to zod's own `safeParse` (the compiled predicate could not say "exact"), for guards. */
let fallbacks = 0;

/** Checks `value` against `schema` as zod's `safeParse` would, taking the compiled fast path when it can. */
export function contractCheck(schema: CheckableSchema, value: unknown): ContractCheckResult {
  if (predicateOf(schema)(value) === EXACT) return { success: true, data: value };
  fallbacks += 1;
  return schema.safeParse(value);
}

/** Checks that went to zod's `safeParse` so far in this process (a count for tests; never reset). */
export function contractCheckFallbacks(): number {
  return fallbacks;
}

/** The verdict of the compiled predicate alone (for tests): `exact`, `invalid` or `unknown`. */
export function contractVerdict(schema: CheckableSchema, value: unknown): 'exact' | 'invalid' | 'unknown' {
  const verdict = predicateOf(schema)(value);
  return verdict === EXACT ? 'exact' : verdict === INVALID ? 'invalid' : 'unknown';
}

function predicateOf(schema: CheckableSchema): Predicate {
  let predicate = compiled.get(schema);
  if (predicate === undefined) {
    // Set before compiling, so that a schema reaching itself (lazy) finds an answer: unknown.
    compiled.set(schema, () => UNKNOWN);
    predicate = compile(schema);
    compiled.set(schema, predicate);
  }
  return predicate;
}

const unknownPredicate: Predicate = () => UNKNOWN;

/** Prototypes seen to be empty and to have no prototype themselves (see {@link isPlainObject}). */
const emptyPrototypes = new WeakSet<object>();

/**
 * A plain object as `JSON.parse` makes them (zod reads one with a `then` function as a promise), or an instance of an
 * empty class rooted in null, as fastify's query-string parser makes them (fast-querystring): such a prototype adds
 * nothing zod could read.
 */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as object | null;
  if (proto !== Object.prototype && proto !== null && !emptyPrototypes.has(proto)) {
    if (Object.getPrototypeOf(proto) !== null || Reflect.ownKeys(proto).length > 0) return false;
    emptyPrototypes.add(proto);
  }
  return typeof (value as { then?: unknown }).then !== 'function';
}

function compile(schema: CheckableSchema): Predicate {
  const def = schema._def as Def;
  if (def.coerce === true) return unknownPredicate; // z.coerce.*: zod converts the input
  switch (def.typeName) {
    case 'ZodString':
      return compileString(def);
    case 'ZodNumber':
      return compileNumber(def);
    case 'ZodBoolean':
      return (value) => (typeof value === 'boolean' ? EXACT : INVALID);
    case 'ZodNull':
      return (value) => (value === null ? EXACT : INVALID);
    case 'ZodUndefined':
      return (value) => (value === undefined ? EXACT : INVALID);
    case 'ZodAny':
    case 'ZodUnknown':
      return () => EXACT;
    case 'ZodLiteral': {
      const literal = def.value;
      return (value) => (value === literal ? EXACT : INVALID);
    }
    case 'ZodEnum': {
      const values = new Set(def.values);
      return (value) => (typeof value === 'string' && values.has(value) ? EXACT : INVALID);
    }
    case 'ZodNativeEnum': {
      // zod's valid values: the enum object's values without TypeScript's reverse mapping of numeric members.
      const object = def.values as unknown as Record<string, unknown>;
      const values = new Set(Object.keys(object).filter((key) => typeof object[object[key] as string] !== 'number').map((key) => object[key]));
      return (value) => ((typeof value === 'string' || typeof value === 'number') && values.has(value) ? EXACT : INVALID);
    }
    case 'ZodRecord':
      return compileRecord(def);
    case 'ZodNullable': {
      const inner = predicateOf(def.innerType!);
      return (value) => (value === null ? EXACT : inner(value));
    }
    case 'ZodOptional': {
      const inner = predicateOf(def.innerType!);
      return (value) => (value === undefined ? EXACT : inner(value));
    }
    case 'ZodDefault': {
      // Absent: zod puts the default in (not the input); present: the inner schema decides.
      const inner = predicateOf(def.innerType!);
      return (value) => (value === undefined ? UNKNOWN : inner(value));
    }
    case 'ZodArray':
      return compileArray(def);
    case 'ZodObject':
      return compileObject(def);
    case 'ZodUnion':
      return compileUnion(def);
    case 'ZodDiscriminatedUnion':
      return compileDiscriminatedUnion(def);
    case 'ZodEffects':
      return compileEffects(def);
    case 'ZodBranded':
      return predicateOf(def.type!);
    case 'ZodLazy': {
      const getter = def.getter!;
      return (value) => predicateOf(getter())(value);
    }
    default:
      return unknownPredicate;
  }
}

function compileString(def: Def): Predicate {
  const tests: ((text: string) => boolean)[] = [];
  for (const check of def.checks ?? []) {
    const bound = check.value as number;
    if (check.kind === 'min') tests.push((text) => text.length >= bound);
    else if (check.kind === 'max') tests.push((text) => text.length <= bound);
    else if (check.kind === 'length') tests.push((text) => text.length === bound);
    else if (check.kind === 'startsWith') tests.push((text) => text.startsWith(check.value as string));
    else if (check.kind === 'endsWith') tests.push((text) => text.endsWith(check.value as string));
    else if (check.kind === 'regex' && check.regex !== undefined) {
      const regex = check.regex;
      tests.push((text) => {
        regex.lastIndex = 0; // as zod does
        return regex.test(text);
      });
    } else return unknownPredicate; // a format zod checks its own way (email, url, …) or a transform (trim, …)
  }
  return (value) => {
    if (typeof value !== 'string') return INVALID;
    for (const test of tests) if (!test(value)) return INVALID;
    return EXACT;
  };
}

function compileNumber(def: Def): Predicate {
  const tests: ((n: number) => boolean)[] = [];
  for (const check of def.checks ?? []) {
    const bound = check.value as number;
    if (check.kind === 'int') tests.push((n) => Number.isInteger(n));
    else if (check.kind === 'finite') tests.push((n) => Number.isFinite(n));
    else if (check.kind === 'min') tests.push(check.inclusive === true ? (n) => n >= bound : (n) => n > bound);
    else if (check.kind === 'max') tests.push(check.inclusive === true ? (n) => n <= bound : (n) => n < bound);
    else return unknownPredicate; // multipleOf: zod's own float rule
  }
  return (value) => {
    if (typeof value !== 'number' || Number.isNaN(value)) return INVALID;
    for (const test of tests) if (!test(value)) return INVALID;
    return EXACT;
  };
}

function compileArray(def: Def): Predicate {
  const item = predicateOf(def.type!);
  const exact = def.exactLength?.value;
  const min = def.minLength?.value;
  const max = def.maxLength?.value;
  return (value) => {
    if (!Array.isArray(value)) return INVALID;
    if ((exact !== undefined && value.length !== exact) || (min !== undefined && value.length < min) || (max !== undefined && value.length > max)) return INVALID;
    let verdict: Verdict = EXACT;
    for (const element of value) {
      const each = item(element);
      if (each === INVALID) return INVALID;
      if (each === UNKNOWN) verdict = UNKNOWN;
    }
    return verdict;
  };
}

function compileObject(def: Def): Predicate {
  const shape = def.shape!();
  const keys = Object.keys(shape);
  const fields = keys.map((key) => [key, predicateOf(shape[key]!)] as const);
  const known = new Set(keys);
  const catchallIsNever = (def.catchall?._def as Def | undefined)?.typeName === 'ZodNever';
  if (!catchallIsNever) return unknownPredicate;
  const mode = def.unknownKeys;
  if (mode !== 'strip' && mode !== 'strict' && mode !== 'passthrough') return unknownPredicate;
  return (value) => {
    if (!isPlainObject(value)) return typeof value === 'object' && value !== null && !Array.isArray(value) ? UNKNOWN : INVALID;
    let verdict: Verdict = EXACT;
    for (const [key, field] of fields) {
      const each = field(value[key]);
      if (each === INVALID) return INVALID;
      if (each === UNKNOWN) verdict = UNKNOWN;
    }
    for (const key in value) {
      if (known.has(key)) continue;
      if (mode === 'strict') return INVALID;
      verdict = UNKNOWN; // strip: zod's output drops it; passthrough: zod's output may differ (__proto__)
    }
    return verdict;
  };
}

function compileRecord(def: Def): Predicate {
  const key = predicateOf(def.keyType!);
  const item = predicateOf(def.valueType!);
  return (value) => {
    if (!isPlainObject(value)) return typeof value === 'object' && value !== null && !Array.isArray(value) ? UNKNOWN : INVALID;
    let verdict: Verdict = EXACT;
    for (const name in value) {
      if (name === '__proto__') return UNKNOWN; // zod's output leaves it out
      const ofKey = key(name);
      const ofItem = item(value[name]);
      if (ofKey === INVALID || ofItem === INVALID) return INVALID;
      if (ofKey === UNKNOWN || ofItem === UNKNOWN) verdict = UNKNOWN;
    }
    return verdict;
  };
}

function compileUnion(def: Def): Predicate {
  const options = (def.options as readonly CheckableSchema[]).map(predicateOf);
  // zod answers with the first option that accepts: an option that might accept (unknown) before the exact one decides.
  return (value) => {
    for (const option of options) {
      const verdict = option(value);
      if (verdict !== INVALID) return verdict;
    }
    return INVALID;
  };
}

function compileDiscriminatedUnion(def: Def): Predicate {
  const discriminator = def.discriminator!;
  const byValue = new Map<unknown, Predicate>();
  for (const [key, option] of def.optionsMap ?? new Map<unknown, CheckableSchema>()) byValue.set(key, predicateOf(option));
  return (value) => {
    if (!isPlainObject(value)) return typeof value === 'object' && value !== null && !Array.isArray(value) ? UNKNOWN : INVALID;
    const option = byValue.get(value[discriminator]);
    return option === undefined ? INVALID : option(value);
  };
}

function compileEffects(def: Def): Predicate {
  const effect = def.effect;
  if (effect?.type !== 'refinement' || effect.refinement === undefined) return unknownPredicate; // transform, preprocess
  const inner = predicateOf(def.schema!);
  const refinement = effect.refinement;
  return (value) => {
    const verdict = inner(value);
    if (verdict !== EXACT) return verdict;
    let refused = false;
    const result = refinement(value, {
      addIssue: () => {
        refused = true;
      },
      path: [],
    });
    if (result instanceof Promise) return UNKNOWN; // an async refinement: zod's safeParse throws for it, let it
    return refused ? INVALID : EXACT;
  };
}
