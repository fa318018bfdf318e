import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { InvalidCursor, type PageRequest, type SortColumn, keysetSql, pageOfList, pageOfRows } from "./pagination.js";

// Rows sorted by day descending, then position ascending: a mixed order, as the answered signals are.
const order: ReadonlyArray<SortColumn> = [{ sql: "day", descending: true }, { sql: "position" }];
const rows = [
  { day: "2025-03-01", position: 4 },
  { day: "2025-03-01", position: 7 },
  { day: "2025-02-01", position: 1 },
  { day: "2025-02-01", position: 9 },
  { day: "2025-01-01", position: 2 },
];
const keyOf = (row: { day: string; position: number }) => [row.day, row.position];

const db = new Database(":memory:");
db.exec("CREATE TABLE t (day TEXT, position INTEGER)");
for (const row of [...rows].reverse()) db.prepare("INSERT INTO t VALUES (@day, @position)").run(row);

const sqlPage = (request: PageRequest) => {
  const page = keysetSql(order, request);
  const found = db.prepare(`SELECT day, position FROM t WHERE ${page.where} ${page.orderBy} ${page.limit}`).all(page.params);
  return pageOfRows(found as typeof rows, request, keyOf);
};

describe.each([
  ["in SQL", sqlPage],
  ["in memory", (request: PageRequest) => pageOfList(rows, order, request, keyOf)],
])("a page %s", (_where, pageOf) => {
  it("walks the whole list page by page, each starting after the last of the one before", () => {
    const seen: unknown[] = [];
    let request: PageRequest = { limit: 2 };
    for (;;) {
      const page = pageOf(request);
      seen.push(...page.items);
      if (page.nextAfter === null) break;
      request = { limit: 2, after: page.nextAfter };
    }
    expect(seen).toEqual(rows);
  });

  it("has no next page when the rest fits", () => {
    expect(pageOf({ limit: 5 })).toEqual({ items: rows, nextAfter: null });
    expect(pageOf({ limit: 2, after: ["2025-02-01", 9] })).toEqual({ items: [rows[4]], nextAfter: null });
  });

  it("refuses a cursor of another list's shape", () => {
    expect(() => pageOf({ limit: 2, after: ["2025-02-01"] })).toThrow(InvalidCursor);
  });
});
