import type { RouteDefinition } from "../http/route-definition.js";

/** The page of each problem type (problems.controller.ts); apart, so the route table can list it without the controller. */
export const problemRoute = {
  kind: "own",
  method: "GET",
  path: "/problems/:name",
  operationId: "problemType",
  summary:
    "What a problem type means and what to do, in Swedish and English: a page for a client that asks for text/html first (a browser), else JSON",
  tag: "Documentation",
  audience: "public",
  status: 200,
  problems: ["not-found"],
} satisfies RouteDefinition;
