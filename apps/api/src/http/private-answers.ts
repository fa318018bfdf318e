import type { FastifyInstance } from "fastify";
import { API } from "./route-definition.js";

/**
 * docs/api.md "Reads": the API's answers are the caller's own (names, e-mail addresses, what
 * their roles let them see), so no shared cache (a proxy, a CDN) may keep them, and a
 * browser keeps one only to ask again with its ETag before using it. They differ by the
 * token or session, and by language. Set when the request arrives, so early refusals carry
 * it too; an answer that says more (the export's `no-store`) replaces it.
 */
export function registerPrivateAnswers(fastify: FastifyInstance): void {
  fastify.addHook("onRequest", (request, reply, done) => {
    if (request.url.startsWith(`${API}/`)) {
      // Added to what is there (CORS varies by Origin), not in its place.
      const vary = reply.getHeader("vary");
      const ours = "Authorization, Cookie, Accept-Language";
      void reply.header("Cache-Control", "private, no-cache").header("Vary", vary ? `${String(vary)}, ${ours}` : ours);
    }
    done();
  });
}
