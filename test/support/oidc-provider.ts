import { type Server, createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { type CryptoKey, type JWK, SignJWT, exportJWK, generateKeyPair } from "jose";
import Provider from "oidc-provider";

/**
 * A real OpenID provider for the web sign-in tests: the `oidc-provider` package on
 * 127.0.0.1, with Mandat registered as a confidential client and its development
 * interactions (a login form taking any password, then a consent page). Its signing key is
 * the tests' own, so a test can also sign an admin's bearer token the server accepts.
 */

export interface Account {
  readonly sub: string;
  readonly name: string;
  readonly email: string;
  readonly roles: ReadonlyArray<string>;
}

export interface OidcProvider {
  readonly issuer: string;
  readonly jwksUrl: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** A bearer token of this provider for the client's audience: what an API client of the municipality would hold. */
  readonly token: (claims: { readonly sub: string; readonly roles?: ReadonlyArray<string> }) => Promise<string>;
  readonly close: () => Promise<void>;
}

const KID = "provider-key-1";

/** A port free now on 127.0.0.1: Mandat's redirect URL must be known before either starts. */
export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

export async function startOidcProvider(options: {
  readonly redirectUri: string;
  readonly accounts: ReadonlyArray<Account>;
}): Promise<OidcProvider> {
  const { privateKey } = await generateKeyPair("RS256", { extractable: true });
  const signingKey: JWK = { ...(await exportJWK(privateKey)), kid: KID, alg: "RS256", use: "sig" };
  const http: Server = createServer();
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  const clientId = "mandat-web";
  const clientSecret = "provider-client-secret-0123456789abcdef";
  const accounts = new Map(options.accounts.map((account) => [account.sub, account]));

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [options.redirectUri],
        grant_types: ["authorization_code"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_basic",
      },
    ],
    jwks: { keys: [signingKey] },
    cookies: { keys: ["provider-cookie-key-0123456789"] },
    claims: { openid: ["sub"], profile: ["name", "roles"], email: ["email", "email_verified"] },
    // The profile and e-mail claims in the ID token too, as Entra ID and most providers do:
    // the ID token is the one Mandat's session holds.
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: true } },
    // Its defaults, said out loud (else it prints a notice for each): an hour for the ID token.
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 3600, IdToken: 3600 },
    findAccount: (_context, sub) => {
      const account = accounts.get(sub);
      if (!account) return undefined;
      return {
        accountId: sub,
        claims: () => ({ sub, name: account.name, email: account.email, email_verified: true, roles: [...account.roles] }),
      };
    },
  });
  http.on("request", provider.callback());

  return {
    issuer,
    jwksUrl: `${issuer}/jwks`,
    clientId,
    clientSecret,
    token: ({ sub, roles = [] }) =>
      new SignJWT({ roles: [...roles] })
        .setProtectedHeader({ alg: "RS256", kid: KID, typ: "JWT" })
        .setIssuer(issuer)
        .setAudience(clientId)
        .setSubject(sub)
        .setIssuedAt()
        .setExpirationTime("10m")
        .sign(privateKey as CryptoKey),
    close: async () => {
      http.closeAllConnections();
      await new Promise((resolve) => http.close(resolve));
    },
  };
}
