import type { FastifyInstance } from "fastify";
import { sendProblem } from "./fastify-errors.js";
import { HttpProblem } from "./problems.js";

/** Methods that only read: still answered while draining, so a page being read finishes loading. */
const READS = new Set(["GET", "HEAD", "OPTIONS"]);

/** How long a client is asked to wait before it tries again: enough for a rolling restart to bring up the next instance. */
const RETRY_AFTER_SECONDS = 5;

/**
 * Shutdown in two steps. From `begin()` (SIGTERM), writes that arrive are refused 503
 * `shutting-down` with Retry-After, and /health/ready answers the same so a balancer stops
 * sending traffic; the requests already in flight finish. Every answer from then on closes
 * its connection: a keep-alive client would otherwise hold the server open for its idle
 * timeout. Then the caller closes the server.
 */
export class Draining {
  private draining = false;

  begin(): void {
    this.draining = true;
  }

  /** Registers the hooks; before the authentication hook, so a draining server refuses before it checks tokens. */
  register(fastify: FastifyInstance): void {
    fastify.addHook("onRequest", async (request, reply) => {
      if (!this.draining) return;
      const path = request.url.split("?")[0];
      if (!READS.has(request.method) || path === "/health/ready" || path === "/health") {
        return sendProblem(
          request,
          reply,
          new HttpProblem(
            "shutting-down",
            "The server is shutting down and takes no new writes; try again, another instance may answer",
            {},
            { "Retry-After": String(RETRY_AFTER_SECONDS) },
          ),
        );
      }
    });
    fastify.addHook("onSend", async (_request, reply, payload) => {
      if (this.draining) void reply.header("Connection", "close");
      return payload;
    });
  }
}
