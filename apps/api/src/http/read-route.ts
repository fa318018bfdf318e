import type { Principal } from "#domain";
import type { z } from "zod";
import type { NamedRead } from "../cqrs/read-query.js";
import type { Audience, ParsedRequest, ReadRoute } from "./route-definition.js";
import { READ_PROBLEMS } from "./standard-problems.js";

/** An empty object schema's output: what a route without params or query parses them to. */
type Nothing = Record<never, never>;

/** What a read route says: where it is served, its schemas, and what it reads. */
export interface ReadRouteOptions<Params extends z.ZodObject | undefined, Query extends z.ZodObject | undefined, Answer> {
  readonly path: string;
  readonly operationId: string;
  readonly summary: string;
  readonly tag: string;
  /** Default: any authenticated principal. */
  readonly audience?: Audience;
  /** A narrower rule than the audience, in words. */
  readonly scope?: string;
  readonly params?: Params;
  readonly query?: Query;
  readonly response?: z.ZodType;
  /** Default: the problems every read shares. */
  readonly problems?: ReadonlyArray<string>;
  /**
   * The stream whose state this read of one resource is: its revision leads the answer's
   * ETag (entity-tags.ts), so a client can write with If-Match what it read.
   */
  readonly stream?: (params: Params extends z.ZodObject ? z.output<Params> : Nothing) => string;
  /**
   * The answer is the same for whoever asks, and read only from the params, the query (an
   * `at` left out meaning today), the read models `read` names (with the log below the
   * position they have applied) and the people's keys: it may be kept and answered again
   * while none of these changes (answer-cache.ts). Default: read afresh every time.
   */
  readonly cacheable?: boolean;
  /**
   * The answer from the read models it names (minPosition waits for those alone);
   * undefined means the resource the path names does not exist (404).
   */
  readonly read: (
    request: {
      readonly params: Params extends z.ZodObject ? z.output<Params> : Nothing;
      readonly query: Query extends z.ZodObject ? z.output<Query> : Nothing;
    },
    principal: Principal,
  ) => NamedRead<Answer | undefined>;
}

/** A route that reads, typed by its own schemas: the twin of `commandRoute`. */
export function readRoute<
  Params extends z.ZodObject | undefined = undefined,
  Query extends z.ZodObject | undefined = undefined,
  Answer = unknown,
>(options: ReadRouteOptions<Params, Query, Answer>): ReadRoute {
  const { audience = "authenticated", problems = READ_PROBLEMS, read, stream, params, query, ...route } = options;
  return {
    ...route,
    ...(params ? { params } : {}),
    ...(query ? { query } : {}),
    kind: "read",
    method: "GET",
    audience,
    status: 200,
    problems,
    // The one place the types are erased: the request was parsed with these very schemas,
    // so its parts have the types `read` expects, which ReadRoute (a route of any schema) cannot say.
    read: read as unknown as (request: ParsedRequest, principal: Principal) => NamedRead<unknown>,
    ...(stream ? { stream: stream as unknown as (params: ParsedRequest["params"]) => string } : {}),
  };
}
