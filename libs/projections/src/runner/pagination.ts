/**
 * Keyset ("cursor") pagination, the one way every list is cut into pages (docs/api.md
 * "Lists"). A list is ordered by a key that is unique per row (its sort columns ending in
 * one that is unique, usually `position`); a page is the rows after the cursor, the key of
 * the last row of the page before. Unlike an offset, a cursor stays put when rows are
 * added before it.
 */

/** The sort-key values of a row: where the next page starts after. */
export type CursorKey = ReadonlyArray<string | number>;

export interface PageRequest {
  readonly limit: number;
  /** The key of the last row of the previous page; none for the first page. */
  readonly after?: CursorKey | undefined;
}

export interface Page<Item> {
  readonly items: ReadonlyArray<Item>;
  /** The key to continue after; null on the last page. */
  readonly nextAfter: CursorKey | null;
}

/** The whole list as one page: for callers that want every item (the command line, the overview, tests). */
export const WHOLE_LIST: PageRequest = { limit: Number.MAX_SAFE_INTEGER - 1 };

/** One sort column (an SQL expression) of a list, ascending unless `descending`. */
export interface SortColumn {
  readonly sql: string;
  readonly descending?: boolean;
}

/** A cursor that does not fit the list it is used on (another list's, or a forged one). */
export class InvalidCursor extends Error {
  constructor(expected: number) {
    super(`the cursor does not belong to this list (expected ${expected} key values)`);
  }
}

const checked = (order: ReadonlyArray<SortColumn>, after: CursorKey | undefined): CursorKey | undefined => {
  if (after !== undefined && after.length !== order.length) throw new InvalidCursor(order.length);
  return after;
};

/**
 * The SQL of a page: `where` is a condition to AND into the query (`1` on the first page),
 * `orderBy` and `limit` end it; bind `params` with the query's own. One row more than the
 * limit is fetched to learn whether a next page exists: pass the rows to `pageOfRows`.
 */
export function keysetSql(
  order: ReadonlyArray<SortColumn>,
  request: PageRequest,
): { readonly where: string; readonly orderBy: string; readonly limit: string; readonly params: Record<string, unknown> } {
  const after = checked(order, request.after);
  const params: Record<string, unknown> = { pageLimit: request.limit + 1 };
  const orderBy = orderBySql(order);
  if (after === undefined) return { where: "1", orderBy, limit: "LIMIT @pageLimit", params };
  // (a, b, c) after (x, y, z): a > x OR (a = x AND (b > y OR (b = y AND c > z))), each `>` flipped for DESC.
  const condition = order.reduceRight<string>((inner, column, index) => {
    params[`after${index}`] = after[index];
    const beyond = `${column.sql} ${column.descending ? "<" : ">"} @after${index}`;
    return inner === "" ? beyond : `(${beyond} OR (${column.sql} = @after${index} AND ${inner}))`;
  }, "");
  return { where: condition, orderBy, limit: "LIMIT @pageLimit", params };
}

/** `ORDER BY` of a list's sort columns. */
export const orderBySql = (order: ReadonlyArray<SortColumn>): string =>
  `ORDER BY ${order.map((c) => `${c.sql}${c.descending ? " DESC" : ""}`).join(", ")}`;

/** The page from the rows a `keysetSql` query answered (at most limit + 1). */
export function pageOfRows<Row>(rows: ReadonlyArray<Row>, request: PageRequest, keyOf: (row: Row) => CursorKey): Page<Row> {
  if (rows.length <= request.limit) return { items: rows, nextAfter: null };
  const items = rows.slice(0, request.limit);
  return { items, nextAfter: keyOf(items.at(-1)!) };
}

/**
 * The same page of a list already computed in full and in order (one whose rows depend on
 * the rows before them, or are composed from several queries): the rows after the cursor.
 */
export function pageOfList<Item>(
  items: ReadonlyArray<Item>,
  order: ReadonlyArray<Pick<SortColumn, "descending">>,
  request: PageRequest,
  keyOf: (item: Item) => CursorKey,
): Page<Item> {
  const after = checked(order as ReadonlyArray<SortColumn>, request.after);
  const start = after === undefined ? 0 : items.findIndex((item) => compareKeys(keyOf(item), after, order) > 0);
  const rest = start < 0 ? [] : items.slice(start);
  return pageOfRows(rest.slice(0, request.limit + 1), request, keyOf);
}

/** How `a` sorts against `b` in the list's order. */
export function compareKeys(a: CursorKey, b: CursorKey, order: ReadonlyArray<Pick<SortColumn, "descending">>): number {
  for (const [index, column] of order.entries()) {
    const x = a[index]!;
    const y = b[index]!;
    if (x === y) continue;
    const ascending = x < y ? -1 : 1;
    return column.descending ? -ascending : ascending;
  }
  return 0;
}
