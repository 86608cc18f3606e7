// Collects the keys asked for in one tick and loads them with a single call,
// so N articles in a GraphQL list cost one short-link query, not N.

export type BatchLoad<K, V> = (keys: K[]) => Promise<Map<K, V>>;

export function createBatchLoader<K, V>(load: BatchLoad<K, V>): (key: K) => Promise<V | undefined> {
  let pending: { keys: Set<K>; result: Promise<Map<K, V>> } | null = null;
  return (key: K) => {
    if (!pending) {
      const keys = new Set<K>();
      const batch = {
        keys,
        // Resolve after the current tick so every sibling resolver has added its key.
        result: new Promise<void>((resolve) => setImmediate(resolve)).then(() => {
          if (pending === batch) pending = null;
          return load([...keys]);
        }),
      };
      pending = batch;
    }
    pending.keys.add(key);
    return pending.result.then((map) => map.get(key));
  };
}
