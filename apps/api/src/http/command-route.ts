import type { AnyCommandSpec } from "#application";
import { z } from "zod";
import { pathParameters } from "./path-parameters.js";
import { type CommandRoute, WriteAnswer } from "./route-definition.js";
import { COMMAND_PROBLEMS } from "./standard-problems.js";

/** What a command route says beyond its spec: where it is served and how it is documented. */
export interface CommandRouteOptions {
  readonly path: string;
  readonly operationId: string;
  readonly summary: string;
  readonly tag: string;
  /** The spec's narrower rule in words, e.g. "A lead only for the initiatives they lead." */
  readonly scope?: string;
  /**
   * The input field the path's `:id` carries (`initiativeId`, `signalId`, ...); every other
   * path parameter carries the field of its own name (`:goalId` is `goalId`).
   */
  readonly id?: string;
}

/**
 * A route that runs a command, cut from its spec: the roles are the spec's, the path
 * parameters validate as the input fields they carry, the body is the rest of the input,
 * the answer is 201 exactly when the spec creates something, and the problems are the
 * ones every command shares plus the rules the spec can break.
 */
export function commandRoute(spec: AnyCommandSpec, options: CommandRouteOptions): CommandRoute {
  const { id, ...route } = options;
  const shape = spec.input.shape;
  const pathFields = Object.fromEntries(
    pathParameters(route.path).map((parameter) => [parameter, parameter === "id" ? id : parameter]),
  );
  for (const [parameter, field] of Object.entries(pathFields)) {
    if (field === undefined || !(field in shape)) {
      throw new Error(
        `${route.operationId}: the path's :${parameter} carries no field of ${spec.name}'s input (name it with \`id\`)`,
      );
    }
  }
  const carried = pathFields as Record<string, string>;
  const params = z.strictObject(
    Object.fromEntries(Object.entries(carried).map(([parameter, field]) => [parameter, shape[field]!])),
  );
  const fromPath = new Set(Object.values(carried));
  // Every command input is a strict object: so is what is left of it for the body.
  const body = z.strictObject(Object.fromEntries(Object.entries(shape).filter(([field]) => !fromPath.has(field))));
  return {
    ...route,
    kind: "command",
    method: "POST",
    spec,
    pathFields: carried,
    ...(Object.keys(carried).length > 0 ? { params } : {}),
    body,
    audience: spec.roles,
    status: spec.creates === "nothing" ? 200 : 201,
    response: WriteAnswer,
    problems: [...COMMAND_PROBLEMS, ...spec.rules.map((rule) => rule.rule)],
  };
}
