import { createHash, timingSafeEqual } from "node:crypto";
import type { FastifyInstance } from "fastify";
import { sendProblem } from "../http/fastify-errors.js";
import { unauthenticated } from "../http/problems.js";
import type { ApiMetrics } from "./api-metrics.js";

/**
 * GET /metrics, Prometheus' text format, for whoever holds METRICS_TOKEN as a bearer
 * token (docs/api.md "Metrics"); without a token configured the path is not served at all.
 * It is a plain Fastify route, not one of the API's: it is for the operator's scraper, not
 * a client, and is not in the OpenAPI document.
 */
export function serveMetrics(fastify: FastifyInstance, metrics: ApiMetrics, token: string | undefined): void {
  if (token === undefined) return;
  const expected = digest(token);
  fastify.get("/metrics", async (request, reply) => {
    const given = request.headers.authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
    // Compared as digests of equal length, in constant time: the answer's timing says nothing of the token.
    if (given === undefined || !timingSafeEqual(digest(given), expected)) {
      return sendProblem(request, reply, unauthenticated("Send the metrics token: Authorization: Bearer <METRICS_TOKEN>"));
    }
    return reply.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
}

const digest = (text: string): Buffer => createHash("sha256").update(text).digest();
