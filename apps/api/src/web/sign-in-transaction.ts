import type { FastifyReply, FastifyRequest } from "fastify";
import type { SignInTransaction } from "./oidc-client.js";
import { cookiesOf } from "./session-cookie.js";
import { seal, unseal } from "./sealed.js";

/**
 * One sign-in under way: its state, nonce and PKCE verifier, and the page to return to, kept
 * between `GET /auth/login` and `GET /auth/callback` in a sealed, HttpOnly, Secure cookie
 * sent to the callback only. SameSite=Lax, not Strict: the provider sends the browser back
 * from another site, and a Strict cookie would stay behind. It lasts ten minutes, and the
 * callback ends it whatever happens, so a state is used once.
 */
export const TRANSACTION_COOKIE = "mandat-sign-in";
const TRANSACTION_SECONDS = 10 * 60;
const ATTRIBUTES = "Path=/auth/callback; HttpOnly; Secure; SameSite=Lax";

export interface PendingSignIn extends SignInTransaction {
  /** A path of this server (`/initiativ/…`), never another origin. */
  readonly returnTo: string;
}

/**
 * The page to go to after signing in: a path of this origin, or `/`. `//host` and `/\host`
 * would leave it (browsers read both as another host), as would anything not starting with `/`.
 */
export function safeReturnTo(value: unknown): string {
  if (typeof value !== "string" || value.length > 2000) return "/";
  return /^\/(?![/\\])[^\s\\]*$/.test(value) ? value : "/";
}

export async function keepPendingSignIn(reply: FastifyReply, pending: PendingSignIn, key: Uint8Array): Promise<void> {
  const sealed = await seal({ ...pending, expiresAt: Date.now() + TRANSACTION_SECONDS * 1000 }, key);
  reply.header("set-cookie", `${TRANSACTION_COOKIE}=${sealed}; ${ATTRIBUTES}; Max-Age=${TRANSACTION_SECONDS}`);
}

/** The sign-in this browser started, unless it is missing, altered or older than ten minutes. */
export async function pendingSignIn(request: FastifyRequest, key: Uint8Array): Promise<PendingSignIn | undefined> {
  const sealed = cookiesOf(request).get(TRANSACTION_COOKIE);
  const value = sealed === undefined ? undefined : await unseal(sealed, key);
  if (!value) return undefined;
  const { state, nonce, verifier, returnTo, expiresAt } = value;
  if (typeof state !== "string" || typeof nonce !== "string" || typeof verifier !== "string") return undefined;
  if (typeof expiresAt !== "number" || expiresAt < Date.now()) return undefined;
  return { state, nonce, verifier, returnTo: safeReturnTo(returnTo) };
}

export function forgetPendingSignIn(reply: FastifyReply): void {
  reply.header("set-cookie", `${TRANSACTION_COOKIE}=; ${ATTRIBUTES}; Max-Age=0`);
}
