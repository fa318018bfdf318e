import { Controller, Inject, Res } from "@nestjs/common";
import type { FastifyReply } from "fastify";
import { Effect } from "effect";
import { z } from "zod";
import { EventStore } from "#event-store";
import type { ProjectionStatus } from "#projections";
import { Route, type RouteDefinition } from "../http/route-definition.js";
import { MandatRuntime } from "../runtime/mandat-runtime.js";

const READINESS =
  '200 `{ status: "ok" }` once every read model has caught up with the log as it stood at start, with the projections and their positions; 503 while starting, when a read model has stopped, or (as problem `shutting-down`) once the server is draining';

/** Where the server stands, with each read model: the answer of /health and /health/ready, 200 or 503. */
const ReadinessAnswer = z.object({
  status: z.enum(["ok", "starting", "degraded"]).describe("`starting`: catching up; `degraded`: a read model has stopped"),
  headPosition: z.number().int().describe("The log's last position"),
  projections: z.array(
    z.object({
      name: z.string(),
      version: z.number().int(),
      position: z.number().int().describe("The last position it applied"),
      state: z.enum(["catching-up", "live", "rebuilding", "stopped"]),
      failure: z
        .object({ position: z.number().int(), eventId: z.string(), type: z.string(), message: z.string() })
        .optional()
        .describe("The event it stopped on"),
    }),
  ),
});

/**
 * The schema says what the runner reports, no more and no less: each fits the other, or
 * this does not compile (the type is `never` where they do not).
 */
export const READINESS_ANSWER_FITS_THE_RUNNER: Fits<z.infer<typeof ReadinessAnswer>["projections"][number], ProjectionStatus> =
  true;
/** Each fits the other, with the same fields, optional ones included (readonly aside). */
type Fits<A, B> = [A, keyof A, Required<A>] extends [B, keyof B, Required<B>]
  ? [B, keyof B, Required<B>] extends [A, keyof A, Required<A>]
    ? true
    : never
  : never;

const NOT_READY = {
  503: {
    description: "Not ready: catching up with the log (`starting`), or a read model has stopped on an event (`degraded`)",
    response: ReadinessAnswer,
  },
};

/** docs/api.md "Health": public, and in the OpenAPI document. */
export const healthRoutes = {
  health: {
    method: "GET",
    path: "/health",
    operationId: "health",
    summary: `Readiness (as /health/ready): ${READINESS}`,
    kind: "own",
    tag: "Health",
    audience: "public",
    status: 200,
    response: ReadinessAnswer,
    otherAnswers: NOT_READY,
    problems: ["shutting-down"],
  },
  live: {
    method: "GET",
    path: "/health/live",
    operationId: "healthLive",
    summary: 'Liveness, for orchestrators: 200 `{ status: "alive" }` whenever the process answers HTTP at all, ready or not',
    kind: "own",
    tag: "Health",
    audience: "public",
    status: 200,
    response: z.object({ status: z.literal("alive") }),
    problems: [],
  },
  ready: {
    method: "GET",
    path: "/health/ready",
    operationId: "healthReady",
    summary: `Readiness, for orchestrators: ${READINESS}`,
    kind: "own",
    tag: "Health",
    audience: "public",
    status: 200,
    response: ReadinessAnswer,
    otherAnswers: NOT_READY,
    problems: ["shutting-down"],
  },
} satisfies Record<string, RouteDefinition>;

/**
 * Ready (200) once the store is open and every read model has caught up with the log as
 * it stood at start; 503 while catching up, or when a read model has stopped on an event.
 * While the server drains at shutdown, /health/ready is answered 503 before it gets here
 * (http/draining.ts). Live whenever it answers: a restart would not help a server that is
 * catching up.
 */
@Controller()
export class HealthController {
  constructor(@Inject(MandatRuntime) private readonly runtime: MandatRuntime) {}

  @Route(healthRoutes.health)
  health(@Res({ passthrough: true }) reply: FastifyReply) {
    return this.readiness(reply);
  }

  @Route(healthRoutes.ready)
  ready(@Res({ passthrough: true }) reply: FastifyReply) {
    return this.readiness(reply);
  }

  @Route(healthRoutes.live)
  live() {
    return { status: "alive" };
  }

  private async readiness(reply: FastifyReply) {
    const { runner } = this.runtime;
    const headPosition = await this.runtime.run(Effect.flatMap(EventStore, (store) => store.headPosition));
    const projections = runner.status();
    const stopped = projections.filter((projection) => projection.state === "stopped");
    const status = stopped.length > 0 ? "degraded" : runner.caughtUp ? "ok" : "starting";
    void reply.status(status === "ok" ? 200 : 503);
    return { status, headPosition, projections };
  }
}
