import type { AnyCommandSpec } from "#application";
import { z } from "zod";
import { type ParsedRequest, type RouteDefinition, WriteAnswer } from "../http/route-definition.js";

export const idParam = z.strictObject({ id: z.uuid() });

/** Problems every authenticated route can answer with, besides its own. */
export const AUTH_PROBLEMS = ["unauthenticated", "forbidden", "identity-provider-unavailable"] as const;
/** Problems every command can answer with, besides its rules. */
const COMMAND_PROBLEMS = [
  ...AUTH_PROBLEMS,
  "validation",
  "not-found",
  "precondition-failed",
  "idempotency-key-reused",
  "concurrency-conflict",
  "payload-too-large",
  "unsupported-media-type",
  "store-unavailable",
] as const;
export const READ_PROBLEMS = [...AUTH_PROBLEMS, "validation", "read-model-behind"] as const;

export type RuleClass = { readonly rule: string };

/** The names of a set of rule classes, for a route's documented problems. */
const rules = (...classes: ReadonlyArray<RuleClass>) => classes.map((c) => c.rule);

/**
 * A command's input from its request: the body with the path's ids, the path's `:id` under
 * the name the spec gives it (`signalId`, `initiativeId`, ...), other path ids as they are.
 */
const withPathId =
  (name: string | undefined) =>
  ({ params: { id, ...otherIds }, body }: ParsedRequest) => ({ ...(name === undefined ? {} : { [name]: id }), ...otherIds, ...body });

/** What a command route says beyond what its spec decides. */
export interface CommandRouteOptions {
  readonly path: string;
  readonly operationId: string;
  readonly summary: string;
  readonly tag: string;
  /** The spec's narrower rule in words, e.g. "A lead only for the initiatives in their token." */
  readonly scope?: string;
  readonly params?: z.ZodObject;
  readonly body: z.ZodType;
  /** The domain rules the command can break, besides the problems every command shares. */
  readonly rules?: ReadonlyArray<RuleClass>;
  /** Rules that mean the resource the path names does not exist: answered 404. */
  readonly unknownInPath?: ReadonlyArray<RuleClass>;
  /** The name the spec gives the path's `:id`; required when the path has one. */
  readonly pathId?: string;
}

/**
 * A route that runs a command: its roles are the spec's, it answers 201 exactly when the
 * spec creates something, with API.md's write answer and the problems every command shares.
 */
export function commandRoute(spec: AnyCommandSpec, options: CommandRouteOptions): RouteDefinition {
  const { rules: breakable = [], unknownInPath, pathId, ...route } = options;
  if (route.params?.shape.id !== undefined && pathId === undefined) {
    throw new Error(`${route.operationId}: name the path's :id for ${spec.name} (pathId)`);
  }
  return {
    ...route,
    method: "POST",
    audience: spec.roles,
    status: spec.creates === "nothing" ? 200 : 201,
    response: WriteAnswer,
    problems: [...COMMAND_PROBLEMS, ...rules(...breakable)],
    ...(unknownInPath ? { unknownInPath: rules(...unknownInPath) } : {}),
    command: { spec, input: withPathId(pathId) },
  };
}
