/**
 * An object that is built the first time anything reads it: a Proxy whose every trap loads the real object once and
 * answers from it. The server hands the 1.4 MB OpenAPI document to Swagger this way, so a start (and the memory of a
 * server nobody browses the docs of) does not pay for parsing it (issue 19).
 *
 * @example
 * const document = lazyObject(() => JSON.parse(readFileSync('openapi.json', 'utf8')));
 * document.paths; // parsed here, once
 */
export function lazyObject<T extends object>(load: () => T): T {
  let loaded: T | undefined;
  const real = (): T => (loaded ??= load());
  return new Proxy({} as T, {
    get: (_target, key) => Reflect.get(real(), key),
    has: (_target, key) => Reflect.has(real(), key),
    ownKeys: () => Reflect.ownKeys(real()),
    getOwnPropertyDescriptor: (_target, key) => {
      const descriptor = Reflect.getOwnPropertyDescriptor(real(), key);
      // The proxy's target is an empty extensible object: every property it reports must be configurable.
      return descriptor === undefined ? undefined : { ...descriptor, configurable: true };
    },
    getPrototypeOf: () => Reflect.getPrototypeOf(real()),
    set: (_target, key, value) => Reflect.set(real(), key, value),
    deleteProperty: (_target, key) => Reflect.deleteProperty(real(), key),
    defineProperty: (_target, key, descriptor) => Reflect.defineProperty(real(), key, descriptor),
  });
}
