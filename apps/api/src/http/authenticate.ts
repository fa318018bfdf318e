import { type Identity, IdentityProviderUnavailable, type TokenVerifier } from "#platform";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { SignedIn } from "../runtime/principal-resolver.js";
import { API } from "./route-definition.js";
import { problemResponseFor } from "./fastify-errors.js";
import { identityProviderUnavailable, unauthenticated } from "./problems.js";
import type { MandatRequest } from "./request-context.js";
import { hasSessionCookie } from "../web/session-cookie.js";

/** Turns a verified identity into the principal it acts as, from the log. */
export type ResolvePrincipal = (identity: Identity) => Promise<SignedIn>;

/**
 * The identity of a request's bearer token; 401 (as a problem) when there is none or it is
 * bad, 503 when the identity provider's keys cannot be fetched to tell.
 */
export async function verifiedIdentity(request: FastifyRequest, verifyToken: TokenVerifier): Promise<Identity> {
  const token = request.headers.authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (!token) {
    // A session cookie that did not open (sessionFromCookie left no token): it has ended, or
    // was made with another key (a restart that generated a new secret), or was tampered with.
    throw unauthenticated(
      hasSessionCookie(request)
        ? "The session is no longer valid: sign in again"
        : "Send a bearer token: Authorization: Bearer <JWT>",
    );
  }
  try {
    return await verifyToken(token);
  } catch (error) {
    if (error instanceof IdentityProviderUnavailable) throw identityProviderUnavailable(error.message);
    throw unauthenticated(`The token was rejected: ${error instanceof Error ? error.message : "invalid"}`);
  }
}

/** Verifies the token and resolves who it acts as, leaving both on the request. */
export async function signIn(request: MandatRequest, verifyToken: TokenVerifier, resolve: ResolvePrincipal): Promise<SignedIn> {
  const signedIn = await resolve(await verifiedIdentity(request, verifyToken));
  request.signedIn = signedIn;
  request.principal = signedIn.principal;
  return signedIn;
}

/**
 * Every request to the API proper is authenticated as it arrives, before its body is
 * read: without a valid token a client learns nothing, not even whether its body parses.
 * "The API proper" is the route Fastify matched (its pattern), not the raw URL, which a
 * client can spell differently (`/%61pi/v1/...`) and still reach the route. A path no route
 * matches is 404 for anyone: the public OpenAPI document lists every path anyway.
 * Roles are checked next, by the guard, against the route.
 */
export const authenticateApiRequests =
  (verifyToken: TokenVerifier, resolve: ResolvePrincipal) =>
  async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    if (!request.routeOptions.url?.startsWith(`${API}/`)) return;
    try {
      await signIn(request as MandatRequest, verifyToken, resolve);
    } catch (error) {
      const { status, body, headers } = problemResponseFor(error, request);
      await reply.status(status).headers(headers).type("application/problem+json").send(body);
    }
  };
