import { z } from "zod";

/**
 * The web app's sign-in at the municipality's OpenID provider (docs/api.md "Auth"): Mandat is
 * registered there as a confidential client, and the server runs the authorization code flow
 * with PKCE itself (backend-for-frontend). The issuer is AUTH_ISSUER, the one the API already
 * checks tokens against.
 */
export interface OidcClientSettings {
  /** AUTH_CLIENT_ID: Mandat's client at the provider; the audience of the ID tokens it gets. */
  readonly clientId: string;
  /** AUTH_CLIENT_SECRET: sent to the token endpoint; also seals the session cookies. */
  readonly clientSecret: string;
  /** AUTH_REDIRECT_URL: where the provider sends the browser back, `https://mandat.example/auth/callback`. */
  readonly redirectUrl: string;
}

/** The variables, merged into the configuration's own (libs/platform/src/config.ts). */
export const SIGN_IN_ENVIRONMENT = {
  AUTH_CLIENT_ID: z.string().min(1).max(500).optional(),
  AUTH_CLIENT_SECRET: z.string().min(16, "must be at least 16 characters").max(2000).optional(),
  AUTH_REDIRECT_URL: z
    .url()
    .refine(
      (url) => new URL(url).pathname === "/auth/callback",
      "must end in /auth/callback, e.g. https://mandat.example/auth/callback",
    )
    .optional(),
};

type SignInEnvironment = z.output<z.ZodObject<typeof SIGN_IN_ENVIRONMENT>>;

/** The client when all three variables are set, none when none is; else why not. */
export function signInSettings(
  e: SignInEnvironment,
  oidcMode: boolean,
): { readonly client: OidcClientSettings | undefined } | { readonly problem: string } {
  const given = [e.AUTH_CLIENT_ID, e.AUTH_CLIENT_SECRET, e.AUTH_REDIRECT_URL];
  if (!given.some(Boolean)) return { client: undefined };
  if (!given.every(Boolean)) {
    return { problem: "Sign-in through OpenID Connect needs all of AUTH_CLIENT_ID, AUTH_CLIENT_SECRET and AUTH_REDIRECT_URL" };
  }
  if (!oidcMode) {
    return {
      problem:
        "AUTH_CLIENT_ID, AUTH_CLIENT_SECRET and AUTH_REDIRECT_URL need OIDC mode: set AUTH_ISSUER and AUTH_JWKS_URL (and not AUTH_JWT_SECRET)",
    };
  }
  return { client: { clientId: e.AUTH_CLIENT_ID!, clientSecret: e.AUTH_CLIENT_SECRET!, redirectUrl: e.AUTH_REDIRECT_URL! } };
}
