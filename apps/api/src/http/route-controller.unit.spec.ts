import { describe, expect, it } from "vitest";
import { TABLE_ROUTES } from "../routes/all-routes.js";
import { controllerServing } from "./route-controller.js";
import { ROUTE, type RouteDefinition } from "./route-definition.js";

describe("controllerServing", () => {
  it("binds every route of the table to a method of its own, by operationId", () => {
    const controller = controllerServing(TABLE_ROUTES);
    const bound = Object.getOwnPropertyNames(controller.prototype).flatMap((name) => {
      const method: unknown = Object.getOwnPropertyDescriptor(controller.prototype, name)?.value;
      const route =
        typeof method === "function" ? (Reflect.getMetadata(ROUTE, method) as RouteDefinition | undefined) : undefined;
      return route ? [[name, route] as const] : [];
    });
    expect(bound.map(([name]) => name).sort()).toEqual(TABLE_ROUTES.map((route) => route.operationId).sort());
    for (const [name, route] of bound) expect(route.operationId).toBe(name);
  });

  it("refuses two routes with one operationId, which would serve one of them silently", () => {
    expect(() => controllerServing([TABLE_ROUTES[0]!, TABLE_ROUTES[0]!])).toThrow(/share the operationId/);
  });
});
