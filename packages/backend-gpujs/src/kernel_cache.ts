/**
 * A bounded map of compiled kernels, least recently used first out. Every shape compiles its own
 * kernel (shapes are baked into the source), so an unbounded cache would grow with every new
 * batch size or sequence length; `evict` releases what an evicted kernel holds.
 */
export class KernelCache<K> {
  private readonly entries = new Map<string, K>();
  evicted = 0;

  constructor(
    readonly capacity: number,
    private readonly evict: (kernel: K) => void,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  /** The kernel for `key`, marked most recently used. */
  get(key: string): K | undefined {
    const k = this.entries.get(key);
    if (k !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, k);
    }
    return k;
  }

  set(key: string, kernel: K): void {
    this.entries.set(key, kernel);
    while (this.entries.size > this.capacity) {
      const [oldest, victim] = this.entries.entries().next().value as [string, K];
      this.entries.delete(oldest);
      this.evicted++;
      this.evict(victim);
    }
  }

  clear(): void {
    for (const k of this.entries.values()) this.evict(k);
    this.entries.clear();
  }
}
