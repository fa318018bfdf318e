import type { RouteDefinition } from "../http/route-definition.js";

const docs = { tag: "Documentation", audience: "public", status: 200, problems: [], method: "GET" } as const;

export const docsRoutes = {
  page: { ...docs, path: "/docs", operationId: "docs", summary: "This documentation, as a page" },
  document: { ...docs, path: "/docs/openapi.json", operationId: "openApiDocument", summary: "The OpenAPI 3.1 document" },
} satisfies Record<string, RouteDefinition>;
