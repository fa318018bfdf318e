import { expect, it } from "vitest";
import { z } from "zod";
import { TABLE_ROUTES } from "./all-routes.js";

/**
 * docs/api.md "Lists": every list is paged by cursor from the start. A read documented as
 * answering an array takes `limit` and `cursor`, but for these, which are not lists of
 * items: the timeline's periods are bounded by its from and to, and the audit log pages by
 * log position (fromPosition and limit).
 */
const NOT_CURSOR_LISTS = new Set(["initiativeTensionTimeline", "auditEvents"]);

it("pages every read that answers an array by limit and cursor", () => {
  const arrays = TABLE_ROUTES.filter((route) => route.kind === "read" && route.response instanceof z.ZodArray);
  expect(arrays.length).toBeGreaterThan(5);
  for (const route of arrays) {
    if (NOT_CURSOR_LISTS.has(route.operationId)) continue;
    expect(Object.keys(route.query?.shape ?? {}), route.operationId).toEqual(expect.arrayContaining(["limit", "cursor"]));
  }
});

it("documents an array answer for every read that takes a cursor, so the check above sees every list", () => {
  const paged = TABLE_ROUTES.filter((route) => route.kind === "read" && route.query?.shape.cursor !== undefined);
  expect(paged.length).toBeGreaterThan(5);
  for (const route of paged) expect(route.response, route.operationId).toBeInstanceOf(z.ZodArray);
});
