import type { AnyCommandSpec } from "#application";
import type { Principal, Role } from "#domain";
import { Get, HttpCode, Post, SetMetadata, applyDecorators } from "@nestjs/common";
import { z } from "zod";
import type { NamedRead } from "../cqrs/read-query.js";

export const API = "/api/v1";

/** docs/api.md "Writes": the answer to every command. */
export const WriteAnswer = z.object({
  id: z.string().describe("The created or changed resource"),
  revision: z.number().int().describe("Revision of the resource's stream after the write"),
  position: z.number().int().describe("Position of the write in the global log"),
});
export type WriteAnswer = z.infer<typeof WriteAnswer>;

/**
 * Who may call a route: nobody needs a token (`public`); any valid token, even of a login
 * linked to no one (`signed-in`, only GET /me); a principal with any role
 * (`authenticated`); or one of these roles.
 */
export type Audience = "public" | "signed-in" | "authenticated" | ReadonlyArray<Role>;

/**
 * One HTTP endpoint, described once: the generated controller, the guard, input validation
 * and the OpenAPI document all read this. Paths use docs/api.md's parameter names (`:id`,
 * `:goalId`).
 */
interface RouteBase {
  readonly path: string;
  readonly operationId: string;
  readonly summary: string;
  readonly tag: string;
  readonly audience: Audience;
  /** A narrower rule than the roles, e.g. "leads only for the initiatives they lead". */
  readonly scope?: string;
  readonly params?: z.ZodObject;
  readonly query?: z.ZodObject;
  readonly body?: z.ZodType;
  /** The success answer, for the documentation. */
  readonly response?: z.ZodType;
  readonly status: 200 | 201;
  /** Problem types (rule names and the generic ones) the route can answer with. */
  readonly problems: ReadonlyArray<string>;
}

/** A route that runs a command spec; its params and body are cut from the spec's input. */
export interface CommandRoute extends RouteBase {
  readonly kind: "command";
  readonly method: "POST";
  readonly spec: AnyCommandSpec;
  /** The input field each path parameter carries, e.g. `{ id: "initiativeId", goalId: "goalId" }`. */
  readonly pathFields: Readonly<Record<string, string>>;
  readonly params?: z.ZodObject;
  readonly body: z.ZodObject;
  /** For a write answered 201: the `Location` where the created resource is read (routes/created-locations.ts). */
  readonly location?: (created: { readonly id: string; readonly params: Readonly<Record<string, string>> }) => string;
}

/** A route that reads: its answer from the read models it names (undefined is a 404). */
export interface ReadRoute extends RouteBase {
  readonly kind: "read";
  readonly method: "GET";
  readonly read: (request: ParsedRequest, principal: Principal) => NamedRead<unknown>;
  /** For a read of one stream's state: that stream, whose revision leads the ETag. */
  readonly stream?: (params: ParsedRequest["params"]) => string;
  /** The answer may be kept and answered again while nothing it is read from changes (answer-cache.ts). */
  readonly cacheable?: boolean;
}

/** A route served by a controller of its own (health, the documentation, the live feed). */
export interface OwnRoute extends RouteBase {
  readonly kind: "own";
  readonly method: "GET" | "POST";
  /** For a route answered 201: the path where what it made is read (the seals' list), sent as `Location`. */
  readonly locationPath?: string;
  /** Answers other than success that are not problems, by status (readiness: 503 with how far the read models are). */
  readonly otherAnswers?: Readonly<Record<number, { readonly description: string; readonly response: z.ZodType }>>;
}

export type RouteDefinition = CommandRoute | ReadRoute | OwnRoute;

/** A read's path and query after validation against its route's schemas (readRoute gives `read` their types). */
export interface ParsedRequest {
  readonly params: Readonly<Record<string, unknown>>;
  readonly query: Readonly<Record<string, unknown>>;
}

export const ROUTE = Symbol("mandat:route");

/** Binds a controller method to its route definition. */
export function Route(route: RouteDefinition): MethodDecorator {
  const mapping = route.method === "GET" ? Get(route.path) : Post(route.path);
  return applyDecorators(mapping, HttpCode(route.status), SetMetadata(ROUTE, route));
}
