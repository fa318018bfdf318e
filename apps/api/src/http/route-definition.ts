import type { AnyCommandSpec } from "#application";
import type { Role } from "#domain";
import { Post, Get, SetMetadata, applyDecorators, HttpCode } from "@nestjs/common";
import { z } from "zod";

export const API = "/api/v1";

/** API.md "Writes": the answer to every command. */
export const WriteAnswer = z.object({
  id: z.string().describe("The created or changed resource"),
  revision: z.number().int().describe("Revision of the resource's stream after the write"),
  position: z.number().int().describe("Position of the write in the global log"),
});
export type WriteAnswer = z.infer<typeof WriteAnswer>;

/** Who may call a route: any authenticated principal, nobody needs a token, or these roles. */
export type Audience = "public" | "authenticated" | ReadonlyArray<Role>;

/**
 * One HTTP endpoint, described once: the controller, the guard, input validation and the
 * OpenAPI document all read this. Paths use API.md's parameter names (`:id`, `:goalId`).
 */
export interface RouteDefinition {
  readonly method: "GET" | "POST";
  readonly path: string;
  readonly operationId: string;
  readonly summary: string;
  readonly tag: string;
  readonly audience: Audience;
  /** A narrower rule than the roles, e.g. "leads only for the initiatives in their token". */
  readonly scope?: string;
  readonly params?: z.ZodObject;
  readonly query?: z.ZodObject;
  readonly body?: z.ZodType;
  /** The success answer, for the documentation. */
  readonly response?: z.ZodType;
  readonly status: 200 | 201;
  /** Problem types (rule names and the generic ones) the route can answer with. */
  readonly problems: ReadonlyArray<string>;
  /**
   * Rules that say the resource named in the path (e.g. `:goalId`) does not exist: API.md
   * answers an unknown resource with 404 (`/problems/not-found`), not with a 409.
   */
  readonly unknownInPath?: ReadonlyArray<string>;
  /** Set on routes that run a command: the spec, and how path and body make its input. */
  readonly command?: {
    readonly spec: AnyCommandSpec;
    readonly input: (request: ParsedRequest) => unknown;
  };
}

/** A request's parts after validation against the route's schemas. */
export interface ParsedRequest {
  // Each route's schemas decide the shapes; handlers narrow them.
  readonly params: Record<string, any>;
  readonly query: Record<string, any>;
  readonly body: any;
}

export const ROUTE = Symbol("mandat:route");

/** Binds a controller method to its route definition. */
export function Route(route: RouteDefinition): MethodDecorator {
  const mapping = route.method === "GET" ? Get(route.path) : Post(route.path);
  return applyDecorators(mapping, HttpCode(route.status), SetMetadata(ROUTE, route));
}
