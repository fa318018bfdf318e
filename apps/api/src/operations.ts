import type { FastifyInstance } from "fastify";
import { limitRates } from "./http/rate-limits.js";
import { sendRequestIds } from "./observability/access-log.js";
import { serveMetrics } from "./observability/metrics-endpoint.js";
import { measureRequests } from "./observability/request-metrics.js";
import type { MandatRuntime } from "./runtime/mandat-runtime.js";

/**
 * What a server in production needs around the API (docs/api.md "Rate limits", "Logs",
 * "Metrics"): request ids and request metrics, the rate limits, and GET /metrics (the
 * access log itself is the logger's: observability/access-log.ts).
 * Registered before the authentication hook, which the address limit must precede.
 */
export function registerOperations(fastify: FastifyInstance, runtime: MandatRuntime): void {
  const { operations } = runtime.config;
  sendRequestIds(fastify);
  measureRequests(fastify, runtime.metrics);
  limitRates(fastify, operations.rateLimits);
  serveMetrics(fastify, runtime.metrics, operations.metricsToken);
}
