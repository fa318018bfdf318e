import { describe, expect, it } from "vitest";
import { ALL_ROUTES } from "./all-routes.js";

describe("the route table", () => {
  it("admits to each command exactly the roles its spec admits", () => {
    for (const route of ALL_ROUTES.filter((r) => r.command)) {
      expect([...(route.audience as string[])].sort(), route.operationId).toEqual([...route.command!.spec.roles].sort());
    }
  });

  it("answers 201 on exactly the commands that create something", () => {
    for (const route of ALL_ROUTES.filter((r) => r.command)) {
      expect(route.status, route.operationId).toBe(route.command!.spec.creates === "nothing" ? 200 : 201);
    }
  });

  it("has one route per method and path, each with a unique operation id", () => {
    const keys = ALL_ROUTES.map((r) => `${r.method} ${r.path}`);
    expect(new Set(keys).size).toBe(keys.length);
    const ids = ALL_ROUTES.map((r) => r.operationId);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
