import DataLoader from 'dataloader';

/**
 * Builds a per-request DataLoader from one batch query, returning results in key order; the two
 * shapes every relation needs: one row per key, and many rows per key.
 */
export function loaderByKey<K extends string, V>(batch: (keys: readonly K[]) => Promise<V[]>, keyOf: (value: V) => K): KeyedLoader<K, V> {
  const loaded = new Map<K, V | null>();
  // DataLoader's own cache, passed in so that preload can tell a key never asked for from one already on its way.
  const requested = new Map<K, Promise<V | null>>();
  // Per key preload has seen: settled once the key's batch is over (its row, if any, in `loaded`).
  const settledBy = new Map<K, Promise<void>>();
  // The batch being gathered for preload's callers, settled when it is over.
  let nextBatch: { done: Promise<void>; settle: () => void } | undefined;
  const loader = new DataLoader<K, V | null>(
    async (keys) => {
      const preloaded = nextBatch;
      nextBatch = undefined;
      try {
        const rows = await batch(keys);
        const byKey = new Map(rows.map((row) => [keyOf(row), row]));
        return keys.map((key) => {
          const value = byKey.get(key) ?? null;
          loaded.set(key, value);
          return value;
        });
      } finally {
        preloaded?.settle();
      }
    },
    { cacheMap: requested },
  ) as KeyedLoader<K, V>;
  loader.peek = (key) => loaded.get(key);
  loader.preload = (keys) => {
    let waits: Set<Promise<void>> | undefined;
    for (const key of keys) {
      if (loaded.has(key)) continue;
      let wait = settledBy.get(key);
      if (!wait) {
        const asked = requested.get(key);
        if (asked) {
          // Asked for through load, in a batch preload did not gather: wait for that key itself.
          wait = asked.then(ignore, ignore);
        } else {
          if (!nextBatch) {
            let settle!: () => void;
            nextBatch = { done: new Promise<void>((resolve) => (settle = resolve)), settle };
          }
          // A failed load is the field's to report: peek stays undefined and the field loads again.
          loader.load(key).catch(ignore);
          wait = nextBatch.done;
        }
        settledBy.set(key, wait);
      }
      (waits ??= new Set()).add(wait);
    }
    if (!waits) return undefined;
    return waits.size === 1 ? waits.values().next().value : Promise.all(waits).then(ignore);
  };
  return loader;
}

const ignore = (): void => undefined;

/**
 * A by-key loader that can also say, without a promise, what it has already loaded in this
 * request. A resolver that returns `peek(key) ?? load(key)` answers synchronously once a parent
 * resolver has loaded the batch, which spares graphql-js a promise per object on large lists.
 */
export interface KeyedLoader<K, V> extends DataLoader<K, V | null> {
  /** The loaded value (null: loaded and absent), or undefined when not loaded yet. */
  peek(key: K): V | null | undefined;
  /**
   * Loads `keys` and gives a promise that settles (never rejects) once each can be peeked at, or
   * has failed; undefined when all are loaded already. Every caller gathered into the same batch
   * gets the same promise, so a parent preloading its children's rows costs one promise, not one
   * per child as loadMany does. A failed key is left to `load`, so callers answer with
   * `peek(key) ?? load(key)`.
   */
  preload(keys: Iterable<K>): Promise<void> | undefined;
}

/** True when the field being resolved selects `child` directly (e.g. members { organisation }). */
export function selectsField(info: { fieldNodes: readonly { selectionSet?: { selections: readonly unknown[] } }[] }, child: string): boolean {
  return info.fieldNodes.some((node) =>
    (node.selectionSet?.selections ?? []).some((selection) => {
      const candidate = selection as { kind: string; name?: { value: string }; selectionSet?: { selections: readonly unknown[] } };
      if (candidate.kind === 'Field') return candidate.name?.value === child;
      // Fragments: look one level in, which is how clients and the gateway write them.
      return candidate.kind !== 'FragmentSpread' && selectsField({ fieldNodes: [candidate] }, child);
    }),
  );
}

/**
 * True when the field being resolved selects nothing but fields in `allowed` (and __typename),
 * also inside inline fragments; a named fragment spread, whose fields are not looked up here,
 * makes it false. For reading fewer columns only when nothing else is asked for.
 */
export function selectsOnly(info: { fieldNodes: readonly { selectionSet?: { selections: readonly unknown[] } }[] }, allowed: ReadonlySet<string>): boolean {
  return info.fieldNodes.every((node) =>
    (node.selectionSet?.selections ?? []).every((selection) => {
      const candidate = selection as { kind: string; name?: { value: string }; selectionSet?: { selections: readonly unknown[] } };
      if (candidate.kind === 'Field') return candidate.name?.value === '__typename' || allowed.has(candidate.name?.value ?? '');
      return candidate.kind === 'InlineFragment' && selectsOnly({ fieldNodes: [candidate] }, allowed);
    }),
  );
}

export function loaderOfMany<K extends string, V>(batch: (keys: readonly K[]) => Promise<V[]>, keyOf: (value: V) => K): DataLoader<K, V[]> {
  return new DataLoader<K, V[]>(async (keys) => {
    const rows = await batch(keys);
    const byKey = new Map<K, V[]>(keys.map((key) => [key, []]));
    for (const row of rows) byKey.get(keyOf(row))?.push(row);
    return keys.map((key) => byKey.get(key) ?? []);
  });
}

/** Whether a DataLoader result is a loaded row (not a missing key's null nor a failed load's Error). */
export function isLoaded<T>(value: T | null | Error): value is T {
  return value !== null && !(value instanceof Error);
}
