import { z } from "zod";
import type { RouteDefinition } from "../http/route-definition.js";

/** The page of each problem type (problems.controller.ts); apart, so the route table can list it without the controller. */
export const problemRoute = {
  kind: "own",
  method: "GET",
  path: "/problems/:name",
  params: z.strictObject({ name: z.string().max(100).describe("The problem's name, as in its type `/problems/<name>`") }),
  operationId: "problemType",
  summary:
    "What a problem type means and what to do, in Swedish and English: a page for a client that asks for text/html first (a browser), else JSON",
  tag: "Documentation",
  audience: "public",
  status: 200,
  problems: ["not-found"],
} satisfies RouteDefinition;
