import { z } from "zod";
import type { RouteDefinition } from "../http/route-definition.js";

const docs = { kind: "own", tag: "Documentation", audience: "public", status: 200, problems: [], method: "GET" } as const;

export const docsRoutes = {
  page: {
    ...docs,
    path: "/docs",
    operationId: "docs",
    summary: "The OpenAPI 3.1 document; a readable page of it for a client that asks for text/html first (a browser)",
  },
  document: { ...docs, path: "/docs/openapi.json", operationId: "openApiDocument", summary: "The OpenAPI 3.1 document" },
  assets: {
    ...docs,
    path: "/docs/assets/:file",
    operationId: "docsAsset",
    summary: "The files of the /docs page: Swagger UI's script and style, and the script that starts it",
    params: z.strictObject({ file: z.string().max(100).describe("`swagger-ui-bundle.js`, `swagger-ui.css` or `init.js`") }),
    problems: ["not-found"],
  },
} satisfies Record<string, RouteDefinition>;
