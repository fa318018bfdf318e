import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { MandatRuntime } from "../runtime/mandat-runtime.js";
import { OidcClient, SignInFailed } from "./oidc-client.js";
import { startSession } from "./session-cookie.js";
import { forgetPendingSignIn, keepPendingSignIn, pendingSignIn, safeReturnTo } from "./sign-in-transaction.js";

/** The web app's sign-in page, which shows the failure named in `fel` (apps/web/src/pages/SignInPage.tsx). */
const SIGN_IN_PAGE = "/logga-in";

/**
 * The web sign-in at the OpenID provider (AUTH_CLIENT_ID, AUTH_CLIENT_SECRET, AUTH_REDIRECT_URL
 * with AUTH_ISSUER): `GET /auth/login` sends the browser to the provider, `GET /auth/callback`
 * takes it back and starts the cookie session. The session holds the ID token, which the API
 * verifies as it does any bearer token (the client id is one of its audiences: config.ts),
 * and ends when that token expires; there is no refresh. A failure at the callback is never
 * a 500: the browser goes to the sign-in page with `?fel=<code>`, and the log says why.
 * Not registered when the sign-in is not configured (the paths are 404).
 */
export function registerOidcSignIn(fastify: FastifyInstance, runtime: MandatRuntime, key: Uint8Array): void {
  const { signIn } = runtime.config;
  const { auth } = runtime.config;
  if (!signIn || auth.mode !== "oidc") return;
  const client = new OidcClient(auth.issuer, signIn);

  const failed = (request: FastifyRequest, reply: FastifyReply, error: unknown) => {
    if (!(error instanceof SignInFailed)) throw error;
    request.log.warn({ signIn: error.code, reason: error.reason }, "sign-in failed");
    return reply.header("cache-control", "no-store").redirect(`${SIGN_IN_PAGE}?fel=${error.code}`, 303);
  };

  fastify.get("/auth/login", async (request, reply) => {
    const returnTo = safeReturnTo((request.query as Record<string, unknown> | undefined)?.returnTo);
    try {
      const { url, transaction } = await client.authorization();
      await keepPendingSignIn(reply, { ...transaction, returnTo }, key);
      return reply.header("cache-control", "no-store").redirect(url, 302);
    } catch (error) {
      return failed(request, reply, error);
    }
  });

  fastify.get("/auth/callback", async (request, reply) => {
    const pending = await pendingSignIn(request, key);
    // Used once, whatever the outcome.
    forgetPendingSignIn(reply);
    try {
      const { idToken, expiresAt } = await client.complete((request.query ?? {}) as Record<string, unknown>, pending);
      const seconds = Math.max(1, Math.floor((expiresAt - Date.now()) / 1000));
      await startSession(request, reply, idToken, key, seconds, true);
      return reply.header("cache-control", "no-store").redirect(pending!.returnTo, 303);
    } catch (error) {
      return failed(request, reply, error);
    }
  });
}
