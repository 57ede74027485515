/**
 * A least-recently-used cache bounded by entries and by a total weight (bytes, threats), for values
 * that never change once made: a model revision, the analysis of a revision under a rule set.
 */
export class Lru<V> {
  private readonly entries = new Map<string, { value: V; weight: number }>();
  private total = 0;

  constructor(
    private readonly maxEntries: number,
    private readonly maxWeight: number,
  ) {}

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  set(key: string, value: V, weight = 1): void {
    this.delete(key);
    if (weight > this.maxWeight) return;
    this.entries.set(key, { value, weight });
    this.total += weight;
    for (const [oldest, entry] of this.entries) {
      if (this.entries.size <= this.maxEntries && this.total <= this.maxWeight) break;
      this.entries.delete(oldest);
      this.total -= entry.weight;
    }
  }

  /** Changes the weight of an entry once it is known (an analysis that has finished). */
  reweigh(key: string, weight: number): void {
    const entry = this.entries.get(key);
    if (entry) this.set(key, entry.value, weight);
  }

  delete(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.total -= entry.weight;
  }

  get size(): number {
    return this.entries.size;
  }
}

/** One cache per name for the whole process (every route bundle of the server sees the same). */
export function sharedLru<V>(name: string, maxEntries: number, maxWeight: number): Lru<V> {
  const registry = ((globalThis as { __medthreatCaches?: Map<string, Lru<unknown>> }).__medthreatCaches ??= new Map());
  let cache = registry.get(name) as Lru<V> | undefined;
  if (!cache) registry.set(name, (cache = new Lru<V>(maxEntries, maxWeight)));
  return cache;
}

/** Freezes a value and everything in it: what a shared cache hands out must not be changed by one of its users. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
