import { Controller, Inject, Res } from "@nestjs/common";
import type { FastifyReply } from "fastify";
import { Effect } from "effect";
import { EventStore } from "#event-store";
import { Route, type RouteDefinition } from "../http/route-definition.js";
import { MandatRuntime } from "../runtime/mandat-runtime.js";

/** docs/api.md "Health": `GET /health`, public, and in the OpenAPI document. */
export const healthRoute = {
  method: "GET",
  path: "/health",
  operationId: "health",
  summary:
    'Readiness: 200 `{ status: "ok" }` once every read model has caught up with the log as it stood at start, with the projections and their positions; 503 while starting or when a read model has stopped',
  kind: "own",
  tag: "Health",
  audience: "public",
  status: 200,
  problems: [],
} satisfies RouteDefinition;

/**
 * Ready (200) once the store is open and every read model has caught up with the log as
 * it stood at start; 503 while catching up, or when a read model has stopped on an event.
 */
@Controller()
export class HealthController {
  constructor(@Inject(MandatRuntime) private readonly runtime: MandatRuntime) {}

  @Route(healthRoute)
  async health(@Res({ passthrough: true }) reply: FastifyReply) {
    const { runner } = this.runtime;
    const headPosition = await this.runtime.run(Effect.flatMap(EventStore, (store) => store.headPosition));
    const projections = runner.status();
    const stopped = projections.filter((projection) => projection.state === "stopped");
    const status = stopped.length > 0 ? "degraded" : runner.caughtUp ? "ok" : "starting";
    void reply.status(status === "ok" ? 200 : 503);
    return { status, headPosition, projections };
  }
}
