import { ERROR_CATALOGUE, errorByKey } from '@wxvoip/contracts';
import type { CatalogueEntry, CodedErrorDomain, ErrorKey, PlatformOperation } from '@wxvoip/contracts';
import { MAGIC_OPERATIONS, type MagicField } from './magicOperations.js';
import { magicRefusalFor, magicValue } from './magicValues.js';

/** One documented magic value: put `value` in `field` of `operation` and it answers `code` (`key`). */
export interface MagicValueExample {
  /** The value to send, e.g. `magic-err-15`. */
  readonly value: string;
  /** The field that carries it. */
  readonly field: MagicField;
  /** The operation that honours it. */
  readonly operation: PlatformOperation;
  /** The domain of the answered code. */
  readonly domain: CodedErrorDomain;
  /** The code the operation answers. */
  readonly code: number;
  /** The catalogue key of that code. */
  readonly key: ErrorKey;
}

/** Domains whose codes the examples cover: the codes a developer's code or a simulator sees from the platform. */
export const MAGIC_EXAMPLE_DOMAINS: readonly CodedErrorDomain[] = ['backend', 'plugin', 'authorization', 'server-api'];

type Pick = readonly [code: number, operation: PlatformOperation, field: MagicField];

/** Hand-picked natural places for backend, plugin and authorization codes; server-api codes use the first route that honours them. */
const PICKS: Readonly<Record<'backend' | 'plugin' | 'authorization', readonly Pick[]>> = {
  backend: [
    [1, 'transport.rtosClientJoin', 'payload'],
    [2, 'transport.callDevice', 'sn'],
    [3, 'transport.initByCaller', 'openId'],
    [4, 'transport.initByCaller', 'openId'],
    [5, 'transport.callDevice', 'sn'],
    [7, 'transport.linuxSessionCall', 'openId'],
    [8, 'transport.initByCaller', 'openId'],
    [9, 'wechat.iotVoipCall', 'openId'],
    [12, 'transport.callWmpf', 'sn'],
    [13, 'transport.initByCaller', 'sn'],
    [14, 'transport.callWmpf', 'sn'],
    [15, 'transport.linuxSessionCall', 'openId'],
    [17, 'transport.initByCaller', 'sn'],
    [19, 'transport.rtosClientCall', 'openId'],
    [20, 'wechat.iotVoipCall', 'openId'],
    [22, 'transport.callDevice', 'sn'],
    [23, 'transport.callWmpf', 'sn'],
    [24, 'transport.callDevice', 'sn'],
    [10008, 'transport.registerDevice', 'sn'],
    [-10008, 'transport.registerDevice', 'sn'],
    [9800011, 'transport.registerDevice', 'sn'],
    [9800004, 'transport.registerDevice', 'sn'],
  ],
  plugin: [
    [1000, 'transport.wmpfGetDeviceToken', 'sn'],
    [1001, 'transport.initByCaller', 'sn'],
    [1002, 'transport.callDevice', 'sn'],
    [1003, 'transport.callWmpf', 'sn'],
    [1004, 'transport.callDevice', 'sn'],
    [1005, 'transport.callDevice', 'sn'],
    [1006, 'transport.initByCaller', 'sn'],
    [1007, 'transport.callWmpf', 'sn'],
    [1011, 'transport.callDevice', 'sn'],
  ],
  authorization: [10001, 10021, 10008, 10025, -12001, 1001].map((code): Pick => [code, 'transport.wxRequestDeviceVoip', 'sn']),
};

/** The example for `code` at `operation`, computed by magicRefusalFor itself; empty when the operation does not honour it. */
function example(code: number, operation: PlatformOperation, field: MagicField): MagicValueExample[] {
  const value = magicValue(code);
  const refusal = magicRefusalFor(operation, { [field]: value });
  if (!refusal?.key) return [];
  return [{ value, field, operation, domain: errorByKey(refusal.key).domain as CodedErrorDomain, code: refusal.code, key: refusal.key }];
}

function serverApiExamples(): MagicValueExample[] {
  const routes = (Object.keys(MAGIC_OPERATIONS) as PlatformOperation[]).filter((op) => op.startsWith('wechat.'));
  return ERROR_CATALOGUE.filter((e) => e.domain === 'server-api' && e.code !== 0).flatMap((entry) => {
    for (const operation of routes) {
      const field = (['sn', 'openId', 'payload'] as const).find((f) => MAGIC_OPERATIONS[operation]?.fields[f] !== undefined);
      const found = field === undefined ? [] : example(entry.code, operation, field);
      if (found[0]?.key === entry.key) return found;
    }
    return [];
  });
}

/**
 * The documented magic values (docs/magic-values.md): one per backend code (1–24, 10008 and its RTOS form -10008,
 * the registration codes), per plugin call code (1000–1007, 1011), per `wx.requestDeviceVoIP` code and per server-api
 * errcode a route with a magic field documents. Codes with no example are listed by {@link codesWithoutMagicValue}.
 */
export const MAGIC_VALUES: readonly MagicValueExample[] = Object.freeze([
  ...PICKS.backend.flatMap(([code, op, field]) => example(code, op, field)),
  ...PICKS.plugin.flatMap(([code, op, field]) => example(code, op, field)),
  ...PICKS.authorization.flatMap(([code, op, field]) => example(code, op, field)),
  ...serverApiExamples(),
]);

/** Catalogue entries of {@link MAGIC_EXAMPLE_DOMAINS} that no magic value can force (use a fault instead). */
export function codesWithoutMagicValue(): CatalogueEntry[] {
  const covered = new Set(MAGIC_VALUES.map((e) => e.key));
  return ERROR_CATALOGUE.filter((e) => MAGIC_EXAMPLE_DOMAINS.includes(e.domain as CodedErrorDomain) && e.code !== 0 && !covered.has(e.key));
}
