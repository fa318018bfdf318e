import { describe, expect, it } from "vitest";
import { API_CONTROLLERS } from "../app.module.js";
import { ROUTE, type RouteDefinition } from "../http/route-definition.js";
import { ALL_ROUTES } from "./all-routes.js";

/** The route definitions bound to controller methods by @Route: what Nest actually serves. */
const servedRoutes = (): RouteDefinition[] =>
  API_CONTROLLERS.flatMap((controller) =>
    Object.getOwnPropertyNames(controller.prototype).flatMap((name) => {
      const method: unknown = Object.getOwnPropertyDescriptor(controller.prototype, name)?.value;
      const route = typeof method === "function" ? (Reflect.getMetadata(ROUTE, method) as RouteDefinition | undefined) : undefined;
      return route ? [route] : [];
    }),
  );

const pathParameters = (path: string): string[] => [...path.matchAll(/:(\w+)/g)].map((match) => match[1]!).sort();

describe("the route table", () => {
  it("documents exactly the routes the controllers serve, each served once", () => {
    const served = servedRoutes();
    const ids = (routes: ReadonlyArray<RouteDefinition>) => routes.map((route) => route.operationId).sort();
    expect(ids(served)).toEqual(ids(ALL_ROUTES));
    for (const route of served) expect(ALL_ROUTES, route.operationId).toContain(route);
  });

  it("validates exactly the parameters each path names", () => {
    for (const route of ALL_ROUTES) {
      expect(Object.keys(route.params?.shape ?? {}).sort(), route.operationId).toEqual(pathParameters(route.path));
    }
  });

  it("has one route per method and path, each with a unique operation id", () => {
    const keys = ALL_ROUTES.map((r) => `${r.method} ${r.path}`);
    expect(new Set(keys).size).toBe(keys.length);
    const ids = ALL_ROUTES.map((r) => r.operationId);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
