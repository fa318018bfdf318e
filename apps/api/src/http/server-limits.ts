import type { Server } from "node:http";
import type { HttpSettings } from "#platform";
import type { FastifyHttpOptions } from "fastify";
import { answerClientError, closeIdleConnection } from "./connection-errors.js";
import { BODY_LIMIT_BYTES, sendProblem } from "./fastify-errors.js";

/** How often Node looks for requests past their headers or request timeout (its default, 30 s, let slow clients hang on). */
const TIMEOUT_CHECK_INTERVAL_MS = 250;

/**
 * Fastify's options: the body limit, the timeouts of MANDAT_HEADERS_TIMEOUT_MS,
 * MANDAT_REQUEST_TIMEOUT_MS and MANDAT_IDLE_TIMEOUT_MS, and every error Fastify or Node
 * raises outside a route (a bad URL, a path segment too long, a slow or malformed
 * request) answered as problem+json. Fastify's own 503 while closing is off: draining
 * (draining.ts) answers instead, in our format.
 */
export function fastifyOptions(settings: HttpSettings): FastifyHttpOptions<Server> {
  return {
    bodyLimit: BODY_LIMIT_BYTES,
    return503OnClosing: false,
    requestTimeout: settings.requestTimeoutMs,
    keepAliveTimeout: settings.idleTimeoutMs,
    connectionTimeout: settings.idleTimeoutMs,
    http: { headersTimeout: settings.headersTimeoutMs, connectionsCheckingInterval: TIMEOUT_CHECK_INTERVAL_MS },
    clientErrorHandler: answerClientError,
    frameworkErrors: (error, request, reply) => void sendProblem(request, reply, error),
  };
}

/** An idle connection is answered (or closed) by closeIdleConnection rather than dropped silently by Node. */
export function guardIdleConnections(server: Server): void {
  server.on("timeout", closeIdleConnection);
}
