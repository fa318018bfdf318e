/** The entries `entry` makes of `items`, their values grouped by key, keys and values in the order met. */
export function groupBy<Item, Key, Value>(
  items: Iterable<Item>,
  entry: (item: Item) => readonly [Key, Value],
): Map<Key, Value[]> {
  const groups = new Map<Key, Value[]>();
  for (const item of items) {
    const [key, value] = entry(item);
    const group = groups.get(key);
    if (group) group.push(value);
    else groups.set(key, [value]);
  }
  return groups;
}
