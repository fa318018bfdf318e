/**
 * The last row a projection wrote per key, so read-modify-write projections (a mandate's
 * next version builds on its previous one) need not read back what they just wrote.
 * It belongs to one bound handler: the runner discards a handler whose writes were rolled
 * back, or whose tables another process wrote meanwhile, memory and all. Bounded: beyond
 * `capacity` keys it starts over from the table.
 */
export class LastWritten<Row> {
  private readonly rows = new Map<string, Row>();

  constructor(
    private readonly lookup: (key: string) => Row | undefined,
    private readonly capacity = 2_000,
  ) {}

  get(key: string): Row | undefined {
    return this.rows.get(key) ?? this.lookup(key);
  }

  remember(key: string, row: Row): Row {
    if (this.rows.size >= this.capacity && !this.rows.has(key)) this.rows.clear();
    this.rows.set(key, row);
    return row;
  }
}
