import { DEVELOPMENT_ISSUER } from "#application";
import type { ProviderRole } from "#domain";
import { Data } from "effect";
import { type JWTPayload, SignJWT, createRemoteJWKSet, errors, jwtVerify } from "jose";
import type { AuthConfig } from "./config.js";
import type { IdentitySettings } from "./identity-settings.js";

/**
 * What a verified token says, and all it is trusted for: who signed in (issuer and
 * subject), optionally their name and e-mail, and the roles the identity provider grants
 * (admin, auditor). The rights of the Core Team and of leads come from the log.
 */
export interface Identity {
  readonly issuer: string;
  readonly subject: string;
  readonly name?: string;
  readonly email?: string;
  /** The provider vouches for the e-mail (`email_verified: true`). */
  readonly emailVerified: boolean;
  readonly roles: ReadonlyArray<ProviderRole>;
  /** When the token expires, in milliseconds since the epoch: a live feed ends then. */
  readonly expiresAt: number;
}

/** The issuer of the server's own HS256 tokens, and of any HS256 token that names none. */
export const LOCAL_ISSUER = DEVELOPMENT_ISSUER;

/** What a development token says: a subject, and at most a name, an e-mail and the provider's roles. */
export interface TokenClaims {
  readonly sub: string;
  readonly name?: string;
  readonly email?: string;
  readonly roles?: ReadonlyArray<ProviderRole>;
}

/** The token is not one this server accepts: `reason` says why (a 401). */
export class InvalidToken extends Data.TaggedError("InvalidToken")<{ readonly reason: string }> {
  override get message() {
    return this.reason;
  }
}

/** The identity provider's keys could not be fetched: the token can be neither accepted nor refused. */
export class IdentityProviderUnavailable extends Data.TaggedError("IdentityProviderUnavailable")<{ readonly reason: string }> {
  override get message() {
    return this.reason;
  }
}

const encode = (secret: string) => new TextEncoder().encode(secret);

/** A development token, HS256-signed with the configured or generated secret, issued by LOCAL_ISSUER. */
export function signToken(claims: TokenClaims, secret: string, expiresIn = "30d"): Promise<string> {
  const { sub, ...rest } = claims;
  return new SignJWT({ ...rest })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setIssuer(LOCAL_ISSUER)
    .setSubject(sub)
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(encode(secret));
}

export type TokenVerifier = (token: string) => Promise<Identity>;

/** HS256 against the shared secret, or OIDC: signature from the JWKS, issuer and audience checked. */
export function tokenVerifier(auth: AuthConfig, identity: IdentitySettings, secret?: string): TokenVerifier {
  const identityOf = (payload: JWTPayload) => identityFrom(payload, identity);
  if (auth.mode === "oidc") {
    const keys = createRemoteJWKSet(new URL(auth.jwksUrl));
    // The web sign-in's session holds the ID token Mandat's client got (apps/api/src/web/oidc-routes.ts).
    const audience = auth.clientId === undefined ? auth.audience : [auth.audience, auth.clientId];
    return async (token) =>
      identityOf(
        await verified(() => jwtVerify(token, keys, { issuer: auth.issuer, audience, requiredClaims: ["exp"] }), keysUnavailable),
      );
  }
  if (!secret) throw new Error("HS256 mode needs a secret");
  // Imported once: given the secret's bytes, jose imports them as a key on every verification,
  // which costs as much again as the verification itself.
  const key = crypto.subtle.importKey("raw", encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["verify"]);
  const accepted = new AcceptedTokens();
  return async (token) => {
    const kept = accepted.get(token);
    if (kept) return kept;
    // A token that never expires is refused: a leaked one would be good forever.
    const payload = await verified(
      async () => jwtVerify(token, await key, { algorithms: ["HS256"], requiredClaims: ["exp"] }),
      () => false,
    );
    const identity = identityOf(payload);
    accepted.add(token, identity, (payload.nbf ?? 0) * 1000);
    return identity;
  };
}

/** How many accepted HS256 tokens are kept: more than are in use at once. */
const ACCEPTED_TOKENS_KEPT = 10_000;

/**
 * HS256 tokens this process accepted, kept until they expire: checking a token again takes
 * as long as the rest of a cached read. Whether a token is accepted depends on its text, the
 * secret (fixed for the life of the process) and the time: the signature and claims that
 * held once hold for the same text, and the time is checked again here as jose checks it (not
 * before nbf, expired from exp on). A token that was refused is not kept. At most
 * ACCEPTED_TOKENS_KEPT, the least recently used going first. Not for OIDC, whose keys rotate.
 */
class AcceptedTokens {
  private readonly tokens = new Map<string, { readonly identity: Identity; readonly from: number }>();

  get(token: string): Identity | undefined {
    const kept = this.tokens.get(token);
    if (kept === undefined) return undefined;
    const now = Date.now();
    if (now < kept.from || now >= kept.identity.expiresAt) {
      this.tokens.delete(token);
      return undefined;
    }
    this.tokens.delete(token);
    this.tokens.set(token, kept);
    return kept.identity;
  }

  add(token: string, identity: Identity, from: number): void {
    this.tokens.set(token, { identity, from });
    if (this.tokens.size > ACCEPTED_TOKENS_KEPT) this.tokens.delete(this.tokens.keys().next().value!);
  }
}

/**
 * Failures that say nothing about the token: the JWKS did not answer in time, answered
 * with something other than 200 and a key set (jose's generic error, raised only there),
 * or could not be reached at all (fetch's own errors are not jose's).
 */
const KEY_SET_FAILURES: ReadonlySet<string> = new Set([errors.JWKSTimeout.code, errors.JWKSInvalid.code, errors.JOSEError.code]);
const keysUnavailable = (error: unknown): boolean => !(error instanceof errors.JOSEError) || KEY_SET_FAILURES.has(error.code);

async function verified(
  verify: () => Promise<{ payload: JWTPayload }>,
  unavailable: (error: unknown) => boolean,
): Promise<JWTPayload> {
  try {
    return (await verify()).payload;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    if (unavailable(error))
      throw new IdentityProviderUnavailable({ reason: `the identity provider's keys could not be fetched (${reason})` });
    throw new InvalidToken({ reason: reason || "token rejected" });
  }
}

const strings = (value: unknown): string[] => {
  if (typeof value === "string") return [value];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
};

/**
 * The claim that carries the provider's roles: a top-level claim of that exact name (which
 * may itself hold dots, as URL-named claims do), or else a dotted path into nested objects
 * (Keycloak's `realm_access.roles`).
 */
export function claimAt(payload: Readonly<Record<string, unknown>>, path: string): unknown {
  // Own claims only: `in` would also find what every object inherits (constructor, toString).
  if (Object.hasOwn(payload, path)) return payload[path];
  let value: unknown = payload;
  for (const step of path.split(".")) {
    if (typeof value !== "object" || value === null || Array.isArray(value) || !Object.hasOwn(value, step)) return undefined;
    value = (value as Record<string, unknown>)[step];
  }
  return value;
}

function identityFrom(payload: JWTPayload, settings: IdentitySettings): Identity {
  if (!payload.sub) throw new InvalidToken({ reason: "the token has no subject (sub)" });
  const granted = strings(claimAt(payload, settings.rolesClaim));
  const roles = (["admin", "auditor"] as const).filter((role) => granted.includes(settings.roleNames[role]));
  return {
    issuer: payload.iss ?? LOCAL_ISSUER,
    subject: payload.sub,
    ...(typeof payload.name === "string" ? { name: payload.name } : {}),
    ...(typeof payload.email === "string" ? { email: payload.email } : {}),
    emailVerified: payload.email_verified === true,
    roles,
    expiresAt: (payload.exp ?? 0) * 1000,
  };
}
