import type { FastifyInstance } from "fastify";
import { routePattern } from "./access-log.js";
import type { ApiMetrics } from "./api-metrics.js";

/** Every answered request into the request histogram: method, route pattern, status, seconds. */
export function measureRequests(fastify: FastifyInstance, metrics: ApiMetrics): void {
  fastify.addHook("onResponse", async (request, reply) => {
    metrics.requestAnswered(request.method, routePattern(request), reply.statusCode, reply.elapsedTime / 1000);
  });
}
