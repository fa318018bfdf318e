import { randomUUID } from "node:crypto";
import type { LogLevel } from "#platform";
import { type FastifyInstance, type FastifyReply, type FastifyRequest, type FastifyServerOptions, LogController } from "fastify";
import type { MandatRequest } from "../http/request-context.js";

/** What a request that matched no route is logged and counted as: never its raw URL. */
const UNMATCHED = "(unmatched)";

/** The route's pattern (`/api/v1/people/:id`), never the URL: no ids, no query. */
export const routePattern = (request: FastifyRequest): string => request.routeOptions.url ?? UNMATCHED;

/**
 * Fastify's own logger (pino): JSON lines on stdout at LOG_LEVEL, with one access line per
 * answered request (AccessLog). Should anything log a request's headers, the token is
 * censored. Request ids are UUIDs rather than Fastify's counter, which starts again at every
 * start and in every instance: an id a user reports names one request in all the logs.
 */
export const loggerOptions = (level: LogLevel): Pick<FastifyServerOptions, "logger" | "logController" | "genReqId"> => ({
  logger: { level, redact: ["req.headers.authorization", "headers.authorization"] },
  logController: new AccessLog(),
  genReqId: () => randomUUID(),
});

/**
 * Fastify's request lines, replaced: Fastify logs each request as it arrives and again when
 * answered, with its raw URL. This logs it once, when answered: its request id (pino's
 * `reqId`), the principal's id, the method, the route's pattern, the status and how long it
 * took. Nothing else of the request: not the URL (ids, query), not a header (the token), not
 * the body (names, e-mail addresses). Fastify's other lines (its error handler's) stay.
 */
class AccessLog extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    const line = {
      principal: (request as MandatRequest).principal?.id,
      method: request.method,
      route: routePattern(request),
      status: reply.statusCode,
      durationMs: Math.round(reply.elapsedTime * 10) / 10,
    };
    if (error) request.log.error({ ...line, error: error.message }, "request failed while answered");
    else request.log.info(line, "request answered");
  }
}

/** Each answer names its request (X-Request-Id), as the log does: what a user can quote to support. */
export function sendRequestIds(fastify: FastifyInstance): void {
  fastify.addHook("onRequest", async (request, reply) => {
    void reply.header("X-Request-Id", request.id);
  });
}
