/**
 * One value per server process. Next bundles instrumentation, route handlers and server actions separately,
 * so a module-level variable can exist several times in one process; globalThis is the one thing all copies
 * share. Every process-wide value (database, Graph client, caches, keyring) is built through this helper.
 * A build that returns a promise which rejects is forgotten, so the next caller tries again.
 */
const registryKey = Symbol.for('switchboard.processSingletons');
type GlobalWithRegistry = typeof globalThis & { [registryKey]?: Map<string, unknown> };

function registry(): Map<string, unknown> {
  const g = globalThis as GlobalWithRegistry;
  g[registryKey] ??= new Map();
  return g[registryKey];
}

export function processSingleton<T>(key: string, build: () => T): T {
  const values = registry();
  if (values.has(key)) return values.get(key) as T;
  const value = build();
  values.set(key, value);
  if (value instanceof Promise) {
    value.catch(() => {
      if (values.get(key) === value) values.delete(key);
    });
  }
  return value;
}
