import type { FastifyInstance } from "fastify";
import { preferredLanguage } from "./problems.js";

/**
 * docs/api.md "Languages": every answer says in `Content-Language` which of our two
 * languages it speaks (`sv` or `en`, after Accept-Language): the titles and validation
 * messages of a problem, the /problems pages. Set when the request arrives, so an early
 * refusal (401, 429, 503) carries it too.
 */
export function registerContentLanguage(fastify: FastifyInstance): void {
  fastify.addHook("onRequest", (request, reply, done) => {
    void reply.header("Content-Language", preferredLanguage(request.headers["accept-language"]));
    done();
  });
}
