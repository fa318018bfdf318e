/** What `changed` records for a key of the base that was deleted. */
const DELETED: unique symbol = Symbol("deleted");

/** Changed and added keys beyond which a write flattens them into a new base (see `fork`). */
const deltaLimit = (baseSize: number): number => 16 + Math.sqrt(baseSize);

/**
 * A Map whose copy costs O(√n) and not O(n): what a fold writes its state's collections
 * into (fold-drafts.ts), so that folding one event onto a cached state of n goals does not
 * copy all n.
 *
 * It is a base that no one ever writes, shared by every copy, and a small delta of its own:
 * `changed` (a new value, or DELETED, for a key of the base) and `added` (keys the base does
 * not hold, or held and deleted since, in the order they were set). A copy shares the base
 * and copies the delta; once the delta passes √n + 16 entries, a write flattens base and
 * delta into a new base of this map's own. Reading costs at most three lookups.
 *
 * It behaves as a Map of the same entries does, iteration order included: a key keeps its
 * place when set again, and goes to the end when set after a delete. The differences:
 * `instanceof Map` is false (and vitest's toEqual tells it from a Map of the same entries);
 * JSON.stringify and structuredClone see no entries (a Map's JSON is `{}` as well); and an
 * iteration does not follow writes made during it to the same map, as a Map's does (a fold
 * never writes a collection while it iterates over it).
 */
export class LayeredMap<K, V> implements Map<K, V> {
  #base: ReadonlyMap<K, V>;
  #changed: Map<K, V | typeof DELETED>;
  #added: Map<K, V>;
  #size: number;

  private constructor(base: ReadonlyMap<K, V>, changed: Map<K, V | typeof DELETED>, added: Map<K, V>, size: number) {
    this.#base = base;
    this.#changed = changed;
    this.#added = added;
    this.#size = size;
  }

  /** A LayeredMap of `entries`, copied once. */
  static of<K, V>(entries: Iterable<readonly [K, V]> = []): LayeredMap<K, V> {
    const base = new Map(entries);
    return new LayeredMap(base, new Map(), new Map(), base.size);
  }

  /** A copy, in O(√n): it shares this map's base and copies its delta. Writes to either leave the other as it was. */
  fork(): LayeredMap<K, V> {
    return new LayeredMap(this.#base, new Map(this.#changed), new Map(this.#added), this.#size);
  }

  get size(): number {
    return this.#size;
  }

  get [Symbol.toStringTag](): string {
    return "LayeredMap";
  }

  get(key: K): V | undefined {
    if (this.#added.has(key)) return this.#added.get(key);
    const changed = this.#changed.get(key);
    if (changed === DELETED) return undefined;
    return changed !== undefined || this.#changed.has(key) ? (changed as V) : this.#base.get(key);
  }

  has(key: K): boolean {
    return this.#added.has(key) || this.#inBase(key);
  }

  set(key: K, value: V): this {
    if (this.#added.has(key)) this.#added.set(key, value);
    else if (this.#inBase(key)) this.#changed.set(key, value);
    else {
      this.#added.set(key, value);
      this.#size += 1;
    }
    this.#flattenIfLarge();
    return this;
  }

  delete(key: K): boolean {
    if (this.#added.delete(key)) {
      this.#size -= 1;
      return true;
    }
    if (!this.#inBase(key)) return false;
    this.#changed.set(key, DELETED);
    this.#size -= 1;
    this.#flattenIfLarge();
    return true;
  }

  clear(): void {
    this.#base = new Map();
    this.#changed = new Map();
    this.#added = new Map();
    this.#size = 0;
  }

  *entries(): MapIterator<[K, V]> {
    const changed = this.#changed;
    if (changed.size === 0) yield* this.#base;
    else {
      for (const [key, value] of this.#base) {
        if (!changed.has(key)) yield [key, value];
        else {
          const now = changed.get(key)!;
          if (now !== DELETED) yield [key, now];
        }
      }
    }
    yield* this.#added;
  }

  *keys(): MapIterator<K> {
    for (const [key] of this.entries()) yield key;
  }

  *values(): MapIterator<V> {
    for (const [, value] of this.entries()) yield value;
  }

  [Symbol.iterator](): MapIterator<[K, V]> {
    return this.entries();
  }

  forEach(callback: (value: V, key: K, map: Map<K, V>) => void, thisArg?: unknown): void {
    for (const [key, value] of this.entries()) callback.call(thisArg, value, key, this);
  }

  /** Whether the base holds `key` and it was not deleted since. */
  #inBase(key: K): boolean {
    const changed = this.#changed.get(key);
    if (changed === DELETED) return false;
    return changed !== undefined || this.#changed.has(key) || this.#base.has(key);
  }

  /**
   * Keeps the delta, and so each fork, below √n + 16 entries: a flatten costs O(n) once
   * per √n writes. The new base is this map's own; the old one stays with the forks.
   */
  #flattenIfLarge(): void {
    if (this.#changed.size + this.#added.size <= deltaLimit(this.#base.size)) return;
    this.#base = new Map(this.entries());
    this.#changed = new Map();
    this.#added = new Map();
  }
}
