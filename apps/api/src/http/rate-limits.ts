import type { OperationsSettings } from "#platform";
import type { FastifyInstance } from "fastify";
import { sendProblem } from "./fastify-errors.js";
import { tooManyRequests } from "./problems.js";
import { RateLimiter } from "./rate-limiter.js";
import type { MandatRequest } from "./request-context.js";
import { API } from "./route-definition.js";

const MINUTE_MS = 60_000;

/**
 * docs/api.md "Rate limits": a client address that has failed to authenticate too often
 * in a minute is refused outright (429) until its minute is over, before its token is
 * even looked at; a principal that has written too often in a minute is refused its
 * further writes (429). A limit of 0 is no limit.
 *
 * Registered before the authentication hook (apps/api/src/bootstrap.ts): the address check
 * must come first. The write check runs after every onRequest hook, so after
 * authentication has named the principal, and before the body is read. A failure is any
 * 401 the server answers, whoever answered it, so a change to how authentication works
 * leaves the count right.
 */
export function limitRates(fastify: FastifyInstance, limits: OperationsSettings["rateLimits"]): void {
  if (limits.authFailuresPerMinute > 0) {
    const failures = new RateLimiter(limits.authFailuresPerMinute, MINUTE_MS);
    fastify.addHook("onRequest", async (request, reply) => {
      const wait = failures.retryAfter(request.ip);
      if (wait > 0) {
        const detail = `More than ${limits.authFailuresPerMinute} failed authentications from this address in a minute`;
        return sendProblem(request, reply, tooManyRequests(detail, wait));
      }
    });
    fastify.addHook("onResponse", async (request, reply) => {
      if (reply.statusCode === 401) failures.count(request.ip);
    });
  }
  if (limits.writesPerMinute > 0) {
    const writes = new RateLimiter(limits.writesPerMinute, MINUTE_MS);
    fastify.addHook("preParsing", async (request, reply) => {
      const principal = (request as MandatRequest).principal;
      if (request.method !== "POST" || !principal || !request.routeOptions.url?.startsWith(`${API}/`)) return;
      const wait = writes.retryAfter(principal.id);
      if (wait > 0)
        return sendProblem(request, reply, tooManyRequests(`More than ${limits.writesPerMinute} writes in a minute`, wait));
      writes.count(principal.id);
    });
  }
}
