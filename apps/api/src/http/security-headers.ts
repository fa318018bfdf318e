import { createHash } from "node:crypto";
import cors from "@fastify/cors";
import helmet, { type FastifyHelmetOptions } from "@fastify/helmet";
import type { HttpSettings } from "#platform";
import Fastify, { type FastifyInstance } from "fastify";
import { DOCS_PAGE_STYLE } from "../openapi/docs-page.js";

/** The headers a browser may read from a cross-origin answer: those docs/api.md tells clients to use. */
const EXPOSED_HEADERS = ["ETag", "Log-Position", "Location", "Link", "Retry-After"];

/**
 * The content security policy: everything from this origin, nothing inline, nothing from
 * elsewhere. A web app built by Vite and served at / passes it (its scripts and styles are
 * files; React's style props are set through the DOM, which CSP does not govern). The one
 * inline style allowed, by its hash, is that of the /problems pages and of the /docs
 * listing without scripts; Swagger UI on /docs is files of this server too.
 */
export const CONTENT_SECURITY_POLICY: Record<string, string[]> = {
  "default-src": ["'self'"],
  "base-uri": ["'self'"],
  "script-src": ["'self'"],
  "script-src-attr": ["'none'"],
  "style-src": ["'self'", `'sha256-${createHash("sha256").update(DOCS_PAGE_STYLE).digest("base64")}'`],
  "img-src": ["'self'", "data:"],
  "font-src": ["'self'"],
  "connect-src": ["'self'"],
  "object-src": ["'none'"],
  "form-action": ["'self'"],
  "frame-ancestors": ["'none'"],
};

const HELMET_OPTIONS: FastifyHelmetOptions = {
  contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
  // As frame-ancestors says, for browsers that read only X-Frame-Options.
  frameguard: { action: "deny" },
};

/**
 * The headers helmet sets, with HELMET_OPTIONS: taken once from an answer of a throwaway
 * Fastify with the plugin, less those of an answer without it. @fastify/helmet builds
 * helmet's middleware anew for each request, parsing the policy each time (a twentieth of a
 * cached read); what it sets depends on nothing of the request (no nonces here).
 */
async function helmetHeaders(): Promise<Record<string, string>> {
  const answerHeaders = async (withHelmet: boolean) => {
    const probe = Fastify({ logger: false });
    if (withHelmet) await probe.register(helmet, HELMET_OPTIONS);
    probe.get("/", (_request, reply) => reply.send());
    try {
      return (await probe.inject("/")).headers;
    } finally {
      await probe.close();
    }
  };
  const plain = await answerHeaders(false);
  const helmets = Object.entries(await answerHeaders(true)).filter(([name]) => !(name in plain));
  return Object.fromEntries(helmets.map(([name, value]) => [name, String(value)]));
}

/**
 * Security headers (helmet) on every answer, and CORS for the configured origins only:
 * with none configured a browser may call the API from its own origin alone. Awaited
 * before any other hook is added, so these run first and an early refusal (401, 503)
 * carries the headers too, and a CORS preflight is answered before authentication.
 */
export async function registerSecurityHeaders(fastify: FastifyInstance, settings: HttpSettings): Promise<void> {
  const headers = await helmetHeaders();
  fastify.addHook("onRequest", (_request, reply, done) => {
    void reply.headers(headers);
    done();
  });
  if (settings.corsOrigins.length > 0) {
    await fastify.register(cors, {
      origin: [...settings.corsOrigins],
      methods: ["GET", "HEAD", "POST"],
      exposedHeaders: EXPOSED_HEADERS,
      // Tokens travel in the Authorization header, never in cookies.
      credentials: false,
      maxAge: 600,
    });
  }
}
