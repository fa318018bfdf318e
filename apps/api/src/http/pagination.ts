import { type CursorKey, type Page, type PageRequest, InvalidCursor } from "#projections";
import { z } from "zod";
import { invalidRequest } from "./problems.js";
import { asOfQuery, freshQuery } from "./time-parameters.js";

/**
 * docs/api.md "Lists": every list answers a page, its body still the JSON array it always
 * was, and the next page's URL in `Link: <...>; rel="next"` (none on the last page). At
 * most 200 items a page (issue 15), so no single read holds the server for long. The
 * default is that maximum: a list that fits in one page still answers whole, so a v1
 * client that does not follow `Link` misses nothing until a list outgrows 200 items.
 */
export const MAX_PAGE_LIMIT = 200;

/** A cursor names the list it belongs to (the route's operationId) and the key the next page starts after. */
export interface ListCursor {
  readonly list: string;
  readonly key: CursorKey;
}

const NOT_A_CURSOR = "not a cursor this server gave for this list; take it from the Link header of its previous page";

const encodeCursor = (cursor: ListCursor): string =>
  Buffer.from(JSON.stringify({ l: cursor.list, k: cursor.key })).toString("base64url");

const isKey = (key: unknown): key is CursorKey =>
  Array.isArray(key) && key.length > 0 && key.every((v) => typeof v === "string" || typeof v === "number");

const decodeCursor = (cursor: string, context: z.RefinementCtx): ListCursor => {
  try {
    const decoded = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as { l?: unknown; k?: unknown } | null;
    if (typeof decoded?.l === "string" && isKey(decoded.k)) return { list: decoded.l, key: decoded.k };
  } catch {
    // reported below
  }
  context.addIssue({ code: "custom", message: NOT_A_CURSOR });
  return z.NEVER;
};

/** The query parameters of every list. */
export const pageQuery = z.strictObject({
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_PAGE_LIMIT)
    .optional()
    .describe(`At most this many items (1 to ${MAX_PAGE_LIMIT}, default ${MAX_PAGE_LIMIT})`),
  cursor: z
    .string()
    .max(2000)
    .transform(decodeCursor)
    .optional()
    .describe('Where the page starts: the cursor of the previous answer\'s `Link: <...>; rel="next"`'),
});

/** The query of a list read on recorded time: asOf, minPosition, limit and cursor. */
export const asOfListQuery = z.strictObject({ ...asOfQuery.shape, ...pageQuery.shape });

/** The query of a list that only waits for a position: minPosition, limit and cursor. */
export const freshListQuery = z.strictObject({ ...freshQuery.shape, ...pageQuery.shape });

export const pageRequest = (query: { readonly limit?: number; readonly cursor?: ListCursor }): PageRequest => ({
  limit: query.limit ?? MAX_PAGE_LIMIT,
  after: query.cursor?.key,
});

/** A cursor of another list is refused before the read: its key would be compared with this list's columns. */
export function checkCursorList(query: Readonly<Record<string, unknown>>, list: string): void {
  const cursor = query.cursor as ListCursor | undefined;
  if (cursor !== undefined && cursor.list !== list) throw invalidRequest([{ path: "query.cursor", message: NOT_A_CURSOR }]);
}

/** What a list route answers: a page, which the read layer turns into the array and a Link header. */
export class PagedAnswer<Item = unknown> {
  constructor(readonly page: Page<Item>) {}
}

/**
 * A page of a list read with `read` (a read-model query taking the page request), answered
 * as a list: a cursor that does not fit this list is a 400 on `query.cursor`.
 */
export function paged<Item>(request: PageRequest, read: (page: PageRequest) => Page<Item>): PagedAnswer<Item> {
  try {
    return new PagedAnswer(read(request));
  } catch (error) {
    if (error instanceof InvalidCursor) throw invalidRequest([{ path: "query.cursor", message: error.message }]);
    throw error;
  }
}

/** The `Link` header of a page of `list`: the same request with the cursor of the next page; none on the last page. */
export function nextLink(requestUrl: string, list: string, page: Page<unknown>): string | undefined {
  if (page.nextAfter === null) return undefined;
  const url = new URL(requestUrl, "http://mandat.invalid");
  url.searchParams.set("cursor", encodeCursor({ list, key: page.nextAfter }));
  return `<${url.pathname}${url.search}>; rel="next"`;
}
