import { ROLES, type Principal, type Role } from "#domain";
import { Data } from "effect";
import { type JWTPayload, SignJWT, createRemoteJWKSet, errors, jwtVerify } from "jose";
import type { AuthConfig } from "./config.js";

/** Claims of docs/api.md "Auth": sub, name, roles, initiatives. */
export interface TokenClaims {
  readonly sub: string;
  readonly name?: string;
  readonly roles: ReadonlyArray<Role>;
  readonly initiatives?: ReadonlyArray<string>;
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

/** A development token, HS256-signed with the configured or generated secret. */
export function signToken(claims: TokenClaims, secret: string, expiresIn = "30d"): Promise<string> {
  const { sub, ...rest } = claims;
  return new SignJWT({ ...rest, initiatives: claims.initiatives ?? [] })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setSubject(sub)
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(encode(secret));
}

export type TokenVerifier = (token: string) => Promise<Principal>;

/** HS256 against the shared secret, or OIDC: signature from the JWKS, issuer and audience checked. */
export function tokenVerifier(auth: AuthConfig, secret?: string): TokenVerifier {
  if (auth.mode === "oidc") {
    const keys = createRemoteJWKSet(new URL(auth.jwksUrl));
    return async (token) =>
      principalOf(
        await verified(
          () => jwtVerify(token, keys, { issuer: auth.issuer, audience: auth.audience, requiredClaims: ["exp"] }),
          keysUnavailable,
        ),
      );
  }
  if (!secret) throw new Error("HS256 mode needs a secret");
  const key = encode(secret);
  // A token that never expires is refused: a leaked one would be good forever.
  return async (token) =>
    principalOf(
      await verified(
        () => jwtVerify(token, key, { algorithms: ["HS256"], requiredClaims: ["exp"] }),
        () => false,
      ),
    );
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

const isRole = (value: unknown): value is Role => ROLES.includes(value as Role);
const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v) => typeof v === "string") : []);

function principalOf(payload: JWTPayload): Principal {
  if (!payload.sub) throw new InvalidToken({ reason: "the token has no subject (sub)" });
  const roles = strings(payload.roles).filter(isRole);
  if (roles.length === 0)
    throw new InvalidToken({ reason: "the token grants none of the roles admin, core-team, initiative-lead, auditor" });
  return {
    id: payload.sub,
    ...(typeof payload.name === "string" ? { name: payload.name } : {}),
    roles,
    initiatives: strings(payload.initiatives),
  };
}
