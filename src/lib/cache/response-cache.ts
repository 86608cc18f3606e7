// A bounded in-memory LRU of rendered responses with a time-to-live and a generation
// counter, so a response computed before an invalidation is never stored after it.

export interface ResponseCacheOptions {
  maxEntries: number;
  ttlMs: number;
  now?: () => number;
}

interface Slot<T> {
  value: T;
  expiresAt: number;
}

export class ResponseCache<T> {
  private readonly slots = new Map<string, Slot<T>>();
  private gen = 0;
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
      this.slots.delete(key);
      return undefined;
    }
    // Re-insert to mark as most recently used.
    this.slots.delete(key);
    this.slots.set(key, slot);
    return slot.value;
  }

  /**
   * Stores unless the cache was invalidated since `generation` was read; returns whether it
   * stored. `ttlMs` can shorten (never lengthen) the default time-to-live for this entry.
   */
  set(key: string, value: T, generation: number, ttlMs?: number): boolean {
    if (generation !== this.gen || this.opts.maxEntries <= 0) return false;
    const ttl = Math.min(this.opts.ttlMs, ttlMs ?? Infinity);
    if (ttl <= 0) return false;
    this.slots.delete(key);
    this.slots.set(key, { value, expiresAt: this.now() + ttl });
    while (this.slots.size > this.opts.maxEntries) this.slots.delete(this.slots.keys().next().value as string);
    return true;
  }

  /** Drops everything and fences off responses still being computed. */
  invalidate(): void {
    this.gen += 1;
    this.slots.clear();
  }
}
