import { type DevelopmentIdentity, signToken } from "#platform";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { sendProblem } from "../http/fastify-errors.js";
import { forbidden, invalidRequest, notFound } from "../http/problems.js";
import { API } from "../http/route-definition.js";
import type { MandatRuntime } from "../runtime/mandat-runtime.js";
import { developmentTokens } from "../runtime/development-tokens.js";
import { registerOidcSignIn } from "./oidc-routes.js";
import { csrfMatches, endSession, openSession, sessionKey, startSession } from "./session-cookie.js";

/** How long a development sign-in lasts: its token and its cookie end together. */
const DEVELOPMENT_SESSION_SECONDS = 12 * 60 * 60;

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * The secret is one this server generated, so its tokens are for development only: the same
 * rule as the tokens `npm start` prints (apps/api/src/main.ts). A secret given in
 * AUTH_JWT_SECRET may be shared with a real issuer, OIDC has no local secret, and
 * production never signs anyone in by a click.
 */
export const developmentSecret = (runtime: MandatRuntime): string | undefined =>
  !runtime.config.production && runtime.config.auth.mode === "hs256" && runtime.config.auth.secret === undefined
    ? runtime.secret
    : undefined;

/**
 * The web app's cookie session, for the API: a request with no `Authorization` header but a
 * session cookie is authenticated with the token the cookie holds, exactly as if it had sent
 * it as a bearer token (so the authentication hook and the guard stay as they are). A write
 * made with the cookie must echo its CSRF secret in `X-CSRF-Token`, or it is refused (403)
 * before anything else: a cookie is sent by the browser on its own, a header only by our app.
 * Added before the authentication hook.
 */
export const sessionFromCookie =
  (key: Uint8Array) =>
  async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    if (request.headers.authorization !== undefined || !request.url.startsWith(`${API}/`)) return;
    const session = await openSession(request, key);
    if (!session) return;
    if (!SAFE_METHODS.has(request.method) && !csrfMatches(request, session)) {
      await sendProblem(
        request,
        reply,
        forbidden("A write with the session cookie needs the mandat-csrf cookie's value in X-CSRF-Token"),
      );
      return;
    }
    request.headers.authorization = `Bearer ${session.token}`;
  };

/** Whom the development sign-in page lists: the people `npm start` prints tokens for. */
const publicEntry = ({ label, claims }: DevelopmentIdentity) => ({
  subject: claims.sub,
  name: claims.name ?? claims.sub,
  label,
  roles: claims.roles ?? [],
});

/**
 * `/auth/…`: signing in and out of the web app. `GET /auth/options` says which sign-in this
 * server offers. `GET /auth/development/people` and `POST /auth/development/sign-in` exist
 * only with a development secret (else 404, as for a path that does not exist);
 * `GET /auth/login` and `GET /auth/callback` only with the OIDC sign-in (oidc-routes.ts);
 * `POST /auth/sign-out` always.
 */
export function registerWebSession(fastify: FastifyInstance, runtime: MandatRuntime): void {
  const oidc = runtime.config.signIn !== undefined;
  // In OIDC mode the server has no secret of its own: the client secret keeps the sessions
  // readable across a restart and by every instance.
  const key = sessionKey(runtime.secret ?? runtime.config.signIn?.clientSecret);
  fastify.addHook("onRequest", sessionFromCookie(key));
  registerOidcSignIn(fastify, runtime, key);

  fastify.get("/auth/options", async (_request, reply) =>
    reply.header("cache-control", "no-store").send({ development: developmentSecret(runtime) !== undefined, oidc }),
  );

  const identities = async (reply: FastifyReply, request: FastifyRequest) => {
    if (developmentSecret(runtime) === undefined) {
      await sendProblem(request, reply, notFound("Development sign-in is off: this server does not generate its own secret"));
      return undefined;
    }
    return developmentTokens(runtime);
  };

  fastify.get("/auth/development/people", async (request, reply) => {
    const list = await identities(reply, request);
    if (list) return reply.header("cache-control", "no-store").send(list.map(publicEntry));
  });

  fastify.post("/auth/development/sign-in", async (request, reply) => {
    const list = await identities(reply, request);
    const secret = developmentSecret(runtime);
    if (!list || !secret) return;
    const subject = (request.body as { subject?: unknown } | undefined)?.subject;
    const identity = list.find(({ claims }) => claims.sub === subject);
    if (!identity) {
      return sendProblem(
        request,
        reply,
        invalidRequest([{ path: "body.subject", message: "Not one of the development people" }]),
      );
    }
    const token = await signToken(identity.claims, secret, `${DEVELOPMENT_SESSION_SECONDS}s`);
    await startSession(request, reply, token, key, DEVELOPMENT_SESSION_SECONDS);
    return reply.status(204).send();
  });

  fastify.post("/auth/sign-out", async (request, reply) => {
    const session = await openSession(request, key);
    if (session && !csrfMatches(request, session)) {
      return sendProblem(request, reply, forbidden("Signing out needs the mandat-csrf cookie's value in X-CSRF-Token"));
    }
    endSession(request, reply, oidc);
    return reply.status(204).send();
  });
}
