import type { z } from "zod";
import { type FieldError, invalidRequest } from "./problems.js";
import type { MandatRequest } from "./request-context.js";
import type { ParsedRequest, RouteDefinition } from "./route-definition.js";

/**
 * The request's path, query and body checked against the route's zod schemas: a 400 that
 * names every offending field (unknown fields included), or the parsed values.
 */
export function parseRequest(route: RouteDefinition, request: MandatRequest): ParsedRequest {
  const errors: FieldError[] = [];
  const parse = (schema: z.ZodType | undefined, value: unknown, location: string) => {
    if (!schema) return {};
    const result = schema.safeParse(value);
    if (result.success) return result.data;
    for (const issue of result.error.issues) {
      const unknownKeys = issue.code === "unrecognized_keys" ? issue.keys : undefined;
      for (const path of unknownKeys ? unknownKeys.map((key) => [...issue.path, key]) : [issue.path]) {
        errors.push({ path: [location, ...path].join("."), message: unknownKeys ? "unknown field" : issue.message });
      }
    }
    return undefined;
  };
  const parsed = {
    params: parse(route.params, request.params, "path"),
    query: parse(route.query, request.query, "query"),
    body: parse(route.body, request.body ?? {}, "body"),
  };
  if (errors.length > 0) throw invalidRequest(errors);
  return parsed as ParsedRequest;
}
