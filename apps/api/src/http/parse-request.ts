import { inputIssues, parsePlainly, swedishIssues } from "#application";
import type { z } from "zod";
import { type FieldError, invalidRequest } from "./problems.js";
import type { MandatRequest } from "./request-context.js";
import type { ParsedRequest, ReadRoute } from "./route-definition.js";

/**
 * A read's path and query (and the body of a route of its own that takes one) checked
 * against the route's zod schemas: a 400 that names every offending parameter or field
 * (unknown ones included), or the parsed values. (A command's input is parsed by the
 * command pipeline itself.)
 */
export function parseRequest(route: Pick<ReadRoute, "params" | "query" | "body">, request: MandatRequest): ParsedRequest {
  const errors: FieldError[] = [];
  const parse = (schema: z.ZodType | undefined, value: unknown, location: string): Readonly<Record<string, unknown>> => {
    if (!schema) return {};
    const result = parsePlainly(schema, value);
    if (result.success) return result.data as Readonly<Record<string, unknown>>;
    for (const { path, message, sv } of inputIssues(result.error, swedishIssues(schema, value)))
      errors.push({ path: [location, ...path.map(String)].join("."), message, ...(sv === undefined ? {} : { sv }) });
    return {};
  };
  const parsed = { params: parse(route.params, request.params, "path"), query: parse(route.query, request.query, "query") };
  // No body is an empty one: `POST` with nothing to say.
  if (route.body) parse(route.body, request.body ?? {}, "body");
  if (errors.length > 0) throw invalidRequest(errors);
  return parsed;
}
