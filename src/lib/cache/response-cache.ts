// A bounded in-memory LRU of rendered responses with a time-to-live and surrogate keys: a purge
// drops the entries tagged with any of its keys, and a response computed before a purge of one
// of its keys is never stored after it.

export interface ResponseCacheOptions {
  maxEntries: number;
  ttlMs: number;
  now?: () => number;
  /** Purge records kept to fence in-flight responses; past this, every in-flight response is fenced. */
  maxPurgeRecords?: number;
}

interface Slot<T> {
  value: T;
  expiresAt: number;
  tags: readonly string[];
}

export class ResponseCache<T> {
  private readonly slots = new Map<string, Slot<T>>();
  /** Which cached keys carry each tag. */
  private readonly byTag = new Map<string, Set<string>>();
  /** The generation at which each tag was last purged. */
  private readonly purgedAt = new Map<string, number>();
  private gen = 0;
  /** Responses computed before this generation are refused whatever their tags. */
  private fence = 0;
  private readonly now: () => number;

  constructor(private readonly opts: ResponseCacheOptions) {
    this.now = opts.now ?? Date.now;
  }

  /** Take this before computing a response, hand it to set() after. */
  get generation(): number {
    return this.gen;
  }

  get size(): number {
    return this.slots.size;
  }

  get(key: string): T | undefined {
    const slot = this.slots.get(key);
    if (!slot) return undefined;
    if (slot.expiresAt <= this.now()) {
      this.drop(key);
      return undefined;
    }
    // Re-insert to mark as most recently used.
    this.slots.delete(key);
    this.slots.set(key, slot);
    return slot.value;
  }

  /**
   * Stores unless one of `tags` was purged (or everything was) since `generation` was read;
   * returns whether it stored. `ttlMs` can shorten (never lengthen) the default time-to-live.
   */
  set(key: string, value: T, generation: number, ttlMs?: number, tags: readonly string[] = []): boolean {
    if (generation < this.fence || this.opts.maxEntries <= 0) return false;
    if (tags.some((tag) => (this.purgedAt.get(tag) ?? -1) >= generation)) return false;
    const ttl = Math.min(this.opts.ttlMs, ttlMs ?? Infinity);
    if (ttl <= 0) return false;
    this.drop(key);
    this.slots.set(key, { value, expiresAt: this.now() + ttl, tags });
    for (const tag of tags) {
      let keys = this.byTag.get(tag);
      if (!keys) this.byTag.set(tag, (keys = new Set()));
      keys.add(key);
    }
    while (this.slots.size > this.opts.maxEntries) this.drop(this.slots.keys().next().value as string);
    return true;
  }

  /** Drops every entry tagged with one of `tags` and fences off responses still being computed with them; returns how many it dropped. */
  purge(tags: readonly string[]): number {
    if (!tags.length) return 0;
    const purgedAt = this.gen;
    this.gen += 1;
    let dropped = 0;
    for (const tag of tags) {
      this.purgedAt.delete(tag); // re-inserted last: the map stays ordered oldest purge first
      this.purgedAt.set(tag, purgedAt);
      for (const key of [...(this.byTag.get(tag) ?? [])]) dropped += this.drop(key) ? 1 : 0;
    }
    const max = this.opts.maxPurgeRecords ?? 10_000;
    if (this.purgedAt.size > max) {
      this.purgedAt.clear();
      this.fence = this.gen;
    }
    return dropped;
  }

  /** Drops everything and fences off responses still being computed. */
  invalidate(): void {
    this.gen += 1;
    this.fence = this.gen;
    this.slots.clear();
    this.byTag.clear();
    this.purgedAt.clear();
  }

  private drop(key: string): boolean {
    const slot = this.slots.get(key);
    if (!slot) return false;
    this.slots.delete(key);
    for (const tag of slot.tags) {
      const keys = this.byTag.get(tag);
      keys?.delete(key);
      if (keys && keys.size === 0) this.byTag.delete(tag);
    }
    return true;
  }
}
