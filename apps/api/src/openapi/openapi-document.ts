import { z } from "zod";
import { GENERIC_PROBLEMS, type GenericProblem, problemType } from "../http/problems.js";
import type { RouteDefinition } from "../http/route-definition.js";

type JsonSchema = Record<string, unknown>;

const Problem = z.object({
  type: z.string().describe("/problems/<name>; for a broken domain rule, the rule's name"),
  title: z.string().describe("In Swedish or English, after Accept-Language"),
  status: z.number().int(),
  detail: z.string(),
  instance: z.string().optional(),
  errors: z
    .array(z.object({ path: z.string(), message: z.string() }))
    .optional()
    .describe("Validation errors (400)"),
});

const schemaOf = (schema: z.ZodType): JsonSchema => {
  const { $schema: _, ...json } = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as JsonSchema;
  return json;
};

const header = (name: string, description: string, schema: JsonSchema = { type: "string", maxLength: 200 }): JsonSchema => ({
  name,
  in: "header",
  required: false,
  schema,
  description,
});

/** The headers every write may carry (docs/api.md "Idempotency", "Optimistic concurrency"), and the ids carried into its events. */
const COMMAND_HEADERS: ReadonlyArray<JsonSchema> = [
  header("Idempotency-Key", "The same key with the same body returns the first response; with another body, 422."),
  header(
    "If-Match",
    'The revision read, as a strong ETag "<revision>": 412 if the resource has moved on (a weak W/ tag never matches).',
    {
      type: "string",
    },
  ),
  header("X-Correlation-Id", "Recorded as the correlation id of the events written; default: the command's own id."),
  header(
    "X-Causation-Id",
    "Recorded as the causation id of the events written, e.g. the event that led to this command; default: the command's own id.",
  ),
];

const RETRY_AFTER: JsonSchema = { schema: { type: "integer" }, description: "Seconds to wait before trying again" };

const statusOf = (problem: string): number =>
  problem in GENERIC_PROBLEMS ? GENERIC_PROBLEMS[problem as GenericProblem].status : 409;

const rolesText = (route: RouteDefinition): string =>
  route.audience === "public"
    ? "No token needed."
    : route.audience === "signed-in"
      ? "Any valid token, also of a login not linked to a person."
      : route.audience === "authenticated"
      ? "Roles: any authenticated role."
      : `Roles: ${route.audience.join(", ")}.${route.scope ? ` ${route.scope}` : ""}`;

function operation(route: RouteDefinition): JsonSchema {
  const parameters: JsonSchema[] = [];
  for (const [location, schema] of [
    ["path", route.params],
    ["query", route.query],
  ] as const) {
    if (!schema) continue;
    const json = schemaOf(schema);
    const properties = (json.properties ?? {}) as Record<string, JsonSchema>;
    const required = new Set((json.required ?? []) as string[]);
    for (const [name, property] of Object.entries(properties)) {
      parameters.push({
        name,
        in: location,
        required: location === "path" || required.has(name),
        schema: property,
        description: property.description,
      });
    }
  }
  if (route.kind === "command") parameters.push(...COMMAND_HEADERS);
  const byStatus = new Map<number, string[]>();
  for (const problem of route.problems) byStatus.set(statusOf(problem), [...(byStatus.get(statusOf(problem)) ?? []), problem]);
  const responses: JsonSchema = {
    [String(route.status)]: {
      description: route.kind === "command" ? "Written: `{ id, revision, position }`, with ETag and Log-Position" : "OK",
      ...(route.kind === "command"
        ? {
            headers: {
              ETag: { schema: { type: "string" }, description: '"<revision>"' },
              "Log-Position": { schema: { type: "integer" } },
            },
          }
        : route.query && "cursor" in route.query.shape
          ? {
              headers: {
                Link: { schema: { type: "string" }, description: '`<next page URL>; rel="next"`; absent on the last page' },
              },
            }
          : {}),
      ...(route.response ? { content: { "application/json": { schema: schemaOf(route.response) } } } : {}),
    },
  };
  for (const [status, problems] of [...byStatus].sort(([a], [b]) => a - b)) {
    responses[String(status)] = {
      description: problems.map((p) => `\`${problemType(p)}\``).join(", "),
      // Every 503 is worth trying again: the store, the read models or the identity provider may be back.
      ...(status === 503 ? { headers: { "Retry-After": RETRY_AFTER } } : {}),
      content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } },
    };
  }
  return {
    operationId: route.operationId,
    summary: route.summary,
    description: `${rolesText(route)}\n\nProblem types: ${route.problems.map((p) => `\`${problemType(p)}\``).join(", ")}.`,
    tags: [route.tag],
    ...(route.audience === "public" ? {} : { security: [{ bearer: [] }] }),
    "x-roles": route.audience,
    "x-problem-types": route.problems.map(problemType),
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(route.body ? { requestBody: { required: true, content: { "application/json": { schema: schemaOf(route.body) } } } } : {}),
    responses,
  };
}

/** OpenAPI 3.1, generated from the very zod schemas that validate every request. */
export function openApiDocument(routes: ReadonlyArray<RouteDefinition>): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const route of routes) {
    const path = route.path.replace(/:(\w+)/g, "{$1}");
    paths[path] = { ...paths[path], [route.method.toLowerCase()]: operation(route) };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Mandat API",
      version: "1",
      description:
        "Mandates, signals, check-ins, tensions, meetings and budgets of a cross-organisational collaboration, recorded as events. " +
        "Reads take `asOf` (recorded time) and `at` (valid time) where they make sense, and `minPosition` to wait for a write's Log-Position.",
    },
    components: {
      securitySchemes: { bearer: { type: "http", scheme: "bearer", bearerFormat: "JWT" } },
      schemas: { Problem: schemaOf(Problem) },
    },
    paths,
  };
}
