import { describe, expect, it } from "vitest";
import { pathParameters } from "../http/path-parameters.js";
import { ALL_ROUTES } from "./all-routes.js";

describe("the route table", () => {
  it("validates exactly the parameters each path names", () => {
    for (const route of ALL_ROUTES) {
      expect(Object.keys(route.params?.shape ?? {}).sort(), route.operationId).toEqual(pathParameters(route.path).sort());
    }
  });

  it("has one route per method and path, each with a unique operation id", () => {
    const keys = ALL_ROUTES.map((r) => `${r.method} ${r.path}`);
    expect(new Set(keys).size).toBe(keys.length);
    const ids = ALL_ROUTES.map((r) => r.operationId);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
