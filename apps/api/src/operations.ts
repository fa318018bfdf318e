import type { OperationsSettings } from "#platform";
import type { FastifyInstance, FastifyServerOptions } from "fastify";
import { limitRates } from "./http/rate-limits.js";
import { loggerOptions, sendRequestIds } from "./observability/access-log.js";
import { serveMetrics } from "./observability/metrics-endpoint.js";
import { measureRequests } from "./observability/request-metrics.js";
import type { MandatRuntime } from "./runtime/mandat-runtime.js";

/**
 * Fastify's options for the same (apps/api/src/bootstrap.ts): its logger, and which proxies
 * to believe about a client's address, the key of the failed-authentication limit. Without
 * the proxies, every client behind one would share the proxy's address and its limit.
 */
export const operationsServerOptions = (settings: OperationsSettings): FastifyServerOptions => ({
  ...loggerOptions(settings.logLevel),
  ...(settings.trustedProxies.length > 0 ? { trustProxy: [...settings.trustedProxies] } : {}),
});

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
