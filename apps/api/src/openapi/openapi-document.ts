import { z } from "zod";
import { GENERIC_PROBLEMS, type GenericProblem, problemType } from "../http/problems.js";
import { type RouteDefinition, WriteAnswer } from "../http/route-definition.js";

type JsonSchema = Record<string, unknown>;

/** What GET /problems/<name> answers a program (problems/problem-catalogue.ts). */
const Bilingual = z.object({ en: z.string(), sv: z.string() });
const ProblemType = z.object({
  type: z.string(),
  name: z.string(),
  status: z.number().int(),
  title: Bilingual,
  meaning: Bilingual,
  whatToDo: Bilingual,
});

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

const COMPONENT = "#/components/schemas/";

/** `getBudget` as a schema's name: `GetBudget`. */
const pascal = (operationId: string): string => operationId[0]!.toUpperCase() + operationId.slice(1);

/**
 * The named schemas of the document (`components.schemas`): every request body and every
 * answer, each once, by the name of the first operation that uses it (`SetGoalBody`,
 * `GetBudgetAnswer`), or its own where it is shared (`WriteAnswer`, `Problem`). A list's
 * items are named apart (`ListSignalsItem`). Bodies are described as a client sends them
 * (zod's input), answers as the server writes them (its output): two registries.
 */
class NamedSchemas {
  private readonly inputs = z.registry<{ id: string }>();
  private readonly outputs = z.registry<{ id: string }>();

  constructor(shared: Readonly<Record<string, z.ZodType>>) {
    for (const [id, schema] of Object.entries(shared)) this.outputs.add(schema, { id });
  }

  body(schema: z.ZodType, name: string): JsonSchema {
    return this.ref(this.inputs, schema, name);
  }

  answer(schema: z.ZodType, name: string): JsonSchema {
    if (schema instanceof z.ZodArray && !this.outputs.has(schema)) {
      return { type: "array", items: this.ref(this.outputs, schema.element as z.ZodType, `${name}Item`) };
    }
    return this.ref(this.outputs, schema, name);
  }

  private ref(registry: z.core.$ZodRegistry<{ id: string }>, schema: z.ZodType, name: string): JsonSchema {
    if (!registry.has(schema)) registry.add(schema, { id: name });
    return { $ref: `${COMPONENT}${registry.get(schema)!.id}` };
  }

  /** Every schema named, each in full; a named schema inside another is a $ref to it. */
  components(): Record<string, JsonSchema> {
    const convert = (registry: z.core.$ZodRegistry<{ id: string }>, io: "input" | "output") =>
      z.toJSONSchema(registry, { io, unrepresentable: "any", uri: (id) => `${COMPONENT}${id}` }).schemas as Record<
        string,
        JsonSchema
      >;
    const all = { ...convert(this.inputs, "input"), ...convert(this.outputs, "output") };
    return Object.fromEntries(
      Object.entries(all)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([id, { $schema: _, id: _id, $id: _$id, ...schema }]) => [id, schema]),
    );
  }
}

/** What every GET of one resource takes (docs/api.md "Reads"): 304 while the ETag named is current. */
const IF_NONE_MATCH_DESCRIPTION = "An ETag this read answered before: 304 without a body while it is still the current one.";

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

const IF_NONE_MATCH: JsonSchema = header("If-None-Match", IF_NONE_MATCH_DESCRIPTION, { type: "string" });

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

/**
 * The answers of the routes whose definitions carry no zod schema of it: the log's
 * verification and seals as JSON objects (their fields in docs/api.md), the
 * archive as a tar file, the live feed as Server-Sent Events, the documentation
 * and the problem pages.
 */
const UNTYPED_ANSWERS: Readonly<Record<string, JsonSchema>> = {
  verifyLog: json({ type: "object", description: "What verification found: `ok`, the events checked, and the seals" }),
  listSeals: json({ type: "array", items: { type: "object", description: "A seal of the log" } }),
  sealKeys: json({ type: "object", properties: { keys: { type: "array", items: { type: "object" } } }, required: ["keys"] }),
  archivalPackage: { "application/x-tar": { schema: { type: "string", format: "binary" } } },
  exportLog: {
    "application/x-ndjson": { schema: { type: "string", description: "One event envelope as JSON per line" } },
    "text/csv": { schema: { type: "string", description: "UTF-8 with BOM, `;` between fields, CRLF, a header row" } },
  },
  liveEvents: {
    "text/event-stream": {
      schema: {
        type: "string",
        description: "Server-Sent Events: `id: <position>` and `data: { type, streamId, position }` for each new event",
      },
    },
  },
  docs: { ...json({ type: "object", description: "The OpenAPI document" }), "text/html": { schema: { type: "string" } } },
  openApiDocument: json({ type: "object", description: "The OpenAPI document" }),
  docsAsset: {
    "text/javascript": { schema: { type: "string" } },
    "text/css": { schema: { type: "string" } },
  },
  problemType: {
    ...json({ $ref: `${COMPONENT}ProblemType` }),
    "text/html": { schema: { type: "string", description: "The page, in Swedish and English" } },
  },
};

function json(schema: JsonSchema): JsonSchema {
  return { "application/json": { schema } };
}

/** The live feed resumes after the position a reconnecting EventSource sends. */
const LAST_EVENT_ID: JsonSchema = header(
  "Last-Event-ID",
  "The position of the last event received: the feed resumes after it (an EventSource sends it when it reconnects).",
  { type: "string", pattern: "^[0-9]{1,15}$" },
);

/** The content of a route's success answer: its zod schema, named; or what UNTYPED_ANSWERS says. */
function answerContent(route: RouteDefinition, schemas: NamedSchemas): JsonSchema | undefined {
  if (route.response) {
    const name = route.response === WriteAnswer ? "WriteAnswer" : `${pascal(route.operationId)}Answer`;
    return json(schemas.answer(route.response, name));
  }
  return UNTYPED_ANSWERS[route.operationId];
}

function operation(route: RouteDefinition, schemas: NamedSchemas): JsonSchema {
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
  if (route.kind === "read") parameters.push(IF_NONE_MATCH);
  if (route.operationId === "liveEvents") parameters.push(LAST_EVENT_ID);
  const paged = route.query !== undefined && "cursor" in route.query.shape;
  const content = answerContent(route, schemas);
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
              ...(route.status === 201
                ? { Location: { schema: { type: "string" }, description: "Where the created resource is read" } }
                : {}),
            },
          }
        : paged
          ? {
              headers: {
                Link: { schema: { type: "string" }, description: '`<next page URL>; rel="next"`; absent on the last page' },
              },
            }
          : route.kind === "read"
            ? {
                headers: {
                  ETag: { schema: { type: "string" }, description: 'A strong validator of the answer (docs/api.md "Reads")' },
                },
              }
            : route.kind === "own" && route.locationPath
              ? {
                  headers: {
                    Location: {
                      schema: { type: "string" },
                      description: `Where what was made is read: \`${route.locationPath}\``,
                    },
                  },
                }
              : {}),
      ...(content ? { content } : {}),
    },
    ...(route.kind === "read" && !paged ? { "304": { description: "Not modified: If-None-Match names the current ETag" } } : {}),
  };
  const otherAnswers = route.kind === "own" ? (route.otherAnswers ?? {}) : {};
  for (const status of new Set([...byStatus.keys(), ...Object.keys(otherAnswers).map(Number)]))
    byStatus.set(status, byStatus.get(status) ?? []);
  for (const [status, problems] of [...byStatus].sort(([a], [b]) => a - b)) {
    const other = otherAnswers[status];
    responses[String(status)] = {
      description: [other?.description, ...problems.map((p) => `\`${problemType(p)}\``)].filter(Boolean).join("; "),
      // Every 503 is worth trying again: the store, the read models or the identity provider may be back.
      // A 503 that is also another answer (not ready yet) sends the header with its problems only.
      ...(status === 503 && problems.length > 0
        ? {
            headers: {
              "Retry-After": other
                ? { ...RETRY_AFTER, description: `${RETRY_AFTER.description}; with a problem only` }
                : RETRY_AFTER,
            },
          }
        : {}),
      content: {
        ...(other ? json(schemas.answer(other.response, `${pascal(route.operationId)}${status}Answer`)) : {}),
        ...(problems.length > 0 ? { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } } : {}),
      },
    };
  }
  return {
    operationId: route.operationId,
    summary: route.summary,
    description:
      route.problems.length === 0
        ? rolesText(route)
        : `${rolesText(route)}\n\nProblem types: ${route.problems.map((p) => `\`${problemType(p)}\``).join(", ")}.`,
    tags: [route.tag],
    // Public operations say so: the document's default is a bearer token.
    ...(route.audience === "public" ? { security: [] } : {}),
    "x-roles": route.audience,
    "x-problem-types": route.problems.map(problemType),
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(route.body
      ? { requestBody: { required: true, content: json(schemas.body(route.body, `${pascal(route.operationId)}Body`)) } }
      : {}),
    responses,
  };
}

/** OpenAPI 3.1, generated from the very zod schemas that validate every request. */
export function openApiDocument(routes: ReadonlyArray<RouteDefinition>): JsonSchema {
  const schemas = new NamedSchemas({ Problem, ProblemType, WriteAnswer });
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const route of routes) {
    const path = route.path.replace(/:(\w+)/g, "{$1}");
    paths[path] = { ...paths[path], [route.method.toLowerCase()]: operation(route, schemas) };
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
    // Relative: the document describes the server that serves it, wherever it is deployed.
    servers: [{ url: "/", description: "This server" }],
    security: [{ bearer: [] }],
    tags: [...new Set(routes.map((route) => route.tag))].map((name) => ({ name })),
    paths,
    components: {
      securitySchemes: { bearer: { type: "http", scheme: "bearer", bearerFormat: "JWT" } },
      schemas: schemas.components(),
    },
  };
}
