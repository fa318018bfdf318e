import { inputIssues, swedishIssues } from "#application";
import type { z } from "zod";
import { type FieldError, invalidRequest } from "./problems.js";
import type { MandatRequest } from "./request-context.js";
import type { ParsedRequest, ReadRoute } from "./route-definition.js";

/**
 * A read's path and query checked against the route's zod schemas: a 400 that names every
 * offending parameter (unknown ones included), or the parsed values. (A command's input is
 * parsed by the command pipeline itself.)
 */
export function parseRequest(route: Pick<ReadRoute, "params" | "query">, request: MandatRequest): ParsedRequest {
  const errors: FieldError[] = [];
  const parse = (schema: z.ZodObject | undefined, value: unknown, location: string) => {
    if (!schema) return {};
    const result = schema.safeParse(value);
    if (result.success) return result.data;
    for (const { path, message, sv } of inputIssues(result.error, swedishIssues(schema, value)))
      errors.push({ path: [location, ...path.map(String)].join("."), message, ...(sv === undefined ? {} : { sv }) });
    return {};
  };
  const parsed = { params: parse(route.params, request.params, "path"), query: parse(route.query, request.query, "query") };
  if (errors.length > 0) throw invalidRequest(errors);
  return parsed;
}
