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
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional().describe("Validation errors (400)"),
});

const schemaOf = (schema: z.ZodType): JsonSchema => {
  const { $schema: _, ...json } = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as JsonSchema;
  return json;
};

const statusOf = (problem: string): number =>
  problem in GENERIC_PROBLEMS ? GENERIC_PROBLEMS[problem as GenericProblem].status : 409;

const rolesText = (route: RouteDefinition): string =>
  route.audience === "public"
    ? "No token needed."
    : route.audience === "authenticated"
      ? "Roles: any authenticated role."
      : `Roles: ${route.audience.join(", ")}.${route.scope ? ` ${route.scope}` : ""}`;

function operation(route: RouteDefinition): JsonSchema {
  const parameters: JsonSchema[] = [];
  for (const [location, schema] of [["path", route.params], ["query", route.query]] as const) {
    if (!schema) continue;
    const properties = (schemaOf(schema).properties ?? {}) as Record<string, JsonSchema>;
    const required = new Set((schemaOf(schema).required ?? []) as string[]);
    for (const [name, property] of Object.entries(properties)) {
      parameters.push({ name, in: location, required: location === "path" || required.has(name), schema: property, description: property.description });
    }
  }
  if (route.method === "POST") {
    parameters.push(
      { name: "Idempotency-Key", in: "header", required: false, schema: { type: "string", maxLength: 200 }, description: "The same key with the same body returns the first response; with another body, 422." },
      { name: "If-Match", in: "header", required: false, schema: { type: "string" }, description: 'The revision read, as "<revision>": 412 if the resource has moved on.' },
    );
  }
  const byStatus = new Map<number, string[]>();
  for (const problem of route.problems) byStatus.set(statusOf(problem), [...(byStatus.get(statusOf(problem)) ?? []), problem]);
  const responses: JsonSchema = {
    [String(route.status)]: {
      description: route.command ? "Written: `{ id, revision, position }`, with ETag and Log-Position" : "OK",
      ...(route.command
        ? { headers: { ETag: { schema: { type: "string" }, description: '"<revision>"' }, "Log-Position": { schema: { type: "integer" } } } }
        : {}),
      ...(route.response ? { content: { "application/json": { schema: schemaOf(route.response) } } } : {}),
    },
  };
  for (const [status, problems] of [...byStatus].sort(([a], [b]) => a - b)) {
    responses[String(status)] = {
      description: problems.map((p) => `\`${problemType(p)}\``).join(", "),
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
