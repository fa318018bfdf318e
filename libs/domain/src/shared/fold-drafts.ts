import { LayeredMap } from "./layered-map.js";

/**
 * The collections one fold may write in place, so that folding n events costs O(n) and not
 * O(n²): an evolve that copied its state's whole goals map for every GoalSet did n copies of
 * a growing map.
 *
 * Who may mutate what:
 * - A collection of the state a fold starts from (the initial state, a state another fold
 *   returned, a state a cache holds and hands to others) is never mutated: the first write
 *   to it in this fold copies it, and the copy belongs to this fold.
 * - A collection this fold copied (or made with `owned`) is written in place by the fold's
 *   later events. The states in between share it, but they never leave the fold: only the
 *   last one is returned.
 * - Once the fold returns, its drafts are dropped with it, and nothing writes those
 *   collections again. A state a fold returned is as immutable as one built by copying.
 *
 * A map's copy is a LayeredMap (layered-map.ts), which costs O(√n) to copy again: a cached
 * state of n goals advanced by one GoalSet would otherwise copy all n, once per command.
 * A set's copy is a Set: the sets in states (logins, adjusters, reports) stay small.
 */
export class FoldDrafts {
  readonly #owned = new WeakSet<object>();

  /** `map` itself when this fold owns it, otherwise a copy that this fold now owns. */
  map<K, V>(map: ReadonlyMap<K, V>): Map<K, V> {
    if (this.#owned.has(map)) return map as Map<K, V>;
    return this.owned(map instanceof LayeredMap ? (map as LayeredMap<K, V>).fork() : LayeredMap.of(map));
  }

  /** `set` itself when this fold owns it, otherwise a copy that this fold now owns. */
  set<T>(set: ReadonlySet<T>): Set<T> {
    return this.#owned.has(set) ? (set as Set<T>) : this.owned(new Set(set));
  }

  /** Marks a collection this fold has just made as its own to write. */
  owned<Collection extends object>(collection: Collection): Collection {
    this.#owned.add(collection);
    return collection;
  }
}
