import DataLoader from 'dataloader';

/**
 * Builds a per-request DataLoader from one batch query, returning results in key order; the two
 * shapes every relation needs: one row per key, and many rows per key.
 */
export function loaderByKey<K extends string, V>(
  batch: (keys: readonly K[]) => Promise<V[]>,
  keyOf: (value: V) => K,
): DataLoader<K, V | null> {
  return new DataLoader<K, V | null>(async (keys) => {
    const rows = await batch(keys);
    const byKey = new Map(rows.map((row) => [keyOf(row), row]));
    return keys.map((key) => byKey.get(key) ?? null);
  });
}

export function loaderOfMany<K extends string, V>(
  batch: (keys: readonly K[]) => Promise<V[]>,
  keyOf: (value: V) => K,
): DataLoader<K, V[]> {
  return new DataLoader<K, V[]>(async (keys) => {
    const rows = await batch(keys);
    const byKey = new Map<K, V[]>(keys.map((key) => [key, []]));
    for (const row of rows) byKey.get(keyOf(row))?.push(row);
    return keys.map((key) => byKey.get(key) ?? []);
  });
}
