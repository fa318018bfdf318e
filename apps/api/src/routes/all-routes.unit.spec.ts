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

describe("Location of a write answered 201", () => {
  const reads = ALL_ROUTES.filter((route) => route.method === "GET").map(
    (route) => new RegExp(`^${route.path.replace(/:\w+/g, "[^/]+")}$`),
  );

  it("is given for every route that creates, and is the path of a read", () => {
    for (const route of ALL_ROUTES) {
      if (route.kind !== "command" || route.status !== 201) continue;
      expect(route.location, route.operationId).toBeDefined();
      const params = Object.fromEntries(Object.keys(route.params?.shape ?? {}).map((name) => [name, `p-${name}`]));
      const location = route.location!({ id: "created-id", params });
      expect(
        reads.some((read) => read.test(location)),
        `${route.operationId}: ${location}`,
      ).toBe(true);
    }
  });
});
