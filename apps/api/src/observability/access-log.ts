import { randomUUID } from "node:crypto";
import type { LogLevel } from "#platform";
import type { FastifyInstance, FastifyServerOptions } from "fastify";
import type { MandatRequest } from "../http/request-context.js";
import type { ApiMetrics } from "./api-metrics.js";

/** What a request that matched no route is logged and counted as: never its raw URL. */
const UNMATCHED = "(unmatched)";

/**
 * Fastify's own logger (pino): JSON lines on stdout at LOG_LEVEL. Its request logging is
 * off, as it logs the raw URL; each request is logged once when answered, by
 * logAndMeasureRequests. Should anything log a request's headers, the token is censored.
 * Request ids are UUIDs rather than Fastify's counter, which starts again at every start
 * and in every instance: an id a user reports names one request in all the logs.
 */
export const loggerOptions = (level: LogLevel): Pick<FastifyServerOptions, "logger" | "disableRequestLogging" | "genReqId"> => ({
  logger: { level, redact: ["req.headers.authorization", "headers.authorization"] },
  disableRequestLogging: true,
  genReqId: () => randomUUID(),
});

/**
 * One access-log line and one metrics observation per answered request: its request id
 * (pino's `reqId`, also sent back as X-Request-Id), the principal's id, the method, the
 * route's pattern, the status and how long it took. Nothing else of the request: not the
 * URL (ids, query), not a header (the token), not the body (names, e-mail addresses).
 */
export function logAndMeasureRequests(fastify: FastifyInstance, metrics: ApiMetrics): void {
  fastify.addHook("onRequest", async (request, reply) => {
    void reply.header("X-Request-Id", request.id);
  });
  fastify.addHook("onResponse", async (request, reply) => {
    const route = request.routeOptions.url ?? UNMATCHED;
    const durationMs = reply.elapsedTime;
    metrics.requestAnswered(request.method, route, reply.statusCode, durationMs / 1000);
    request.log.info(
      {
        principal: (request as MandatRequest).principal?.id,
        method: request.method,
        route,
        status: reply.statusCode,
        durationMs: Math.round(durationMs * 10) / 10,
      },
      "request answered",
    );
  });
}
