import { createHash, randomBytes } from "node:crypto";
import type { OidcClientSettings } from "#platform";
import { Data } from "effect";
import { type JWTPayload, createRemoteJWKSet, jwtVerify } from "jose";

/**
 * Mandat as a confidential OpenID Connect client of the municipality's provider: the
 * authorization code flow with PKCE (S256), state and nonce, run by the server. It discovers
 * the provider's endpoints, builds the authorization URL, exchanges the code for tokens with
 * the client secret and the verifier, and verifies the ID token (signature from the
 * provider's JWKS, issuer, audience, nonce, expiry). HTTP through `fetch`, JWTs through `jose`.
 */

/** Why a sign-in did not succeed: `code` is what the sign-in page is told (`/logga-in?fel=code`). */
export type SignInFailure = "provider-refused" | "bad-state" | "exchange-failed" | "invalid-id-token" | "provider-unavailable";

export class SignInFailed extends Data.TaggedError("SignInFailed")<{ readonly code: SignInFailure; readonly reason: string }> {
  override get message() {
    return `${this.code}: ${this.reason}`;
  }
}

/** What the client needs of the provider's discovery document. */
interface ProviderMetadata {
  readonly issuer: string;
  readonly authorizationEndpoint: string;
  readonly tokenEndpoint: string;
  readonly jwksUri: string;
  /** client_secret_basic unless the provider offers only client_secret_post. */
  readonly clientAuthentication: "client_secret_basic" | "client_secret_post";
}

/** One sign-in's secrets, kept by the browser only in a sealed cookie until the provider sends it back. */
export interface SignInTransaction {
  readonly state: string;
  readonly nonce: string;
  readonly verifier: string;
}

/** What a completed sign-in gives the session: the ID token (what the API verifies) and when it ends. */
export interface SignedIn {
  readonly idToken: string;
  readonly expiresAt: number;
}

/** The provider has this long to answer a discovery, key or token request. */
const PROVIDER_TIMEOUT_MS = 10_000;

const random = () => randomBytes(32).toString("base64url");
const challengeOf = (verifier: string) => createHash("sha256").update(verifier).digest("base64url");

const text = (value: unknown): string | undefined => (typeof value === "string" && value !== "" ? value : undefined);

const unavailable = (reason: string) => new SignInFailed({ code: "provider-unavailable", reason });

async function providerFetch(url: string, init: RequestInit = {}): Promise<Response> {
  try {
    return await fetch(url, { ...init, signal: AbortSignal.timeout(PROVIDER_TIMEOUT_MS), redirect: "error" });
  } catch (error) {
    throw unavailable(`${url} did not answer (${error instanceof Error ? error.message : String(error)})`);
  }
}

export class OidcClient {
  /** The discovery, once it succeeded: a failed one is tried again at the next sign-in. */
  private metadata: Promise<ProviderMetadata> | undefined;
  private keys: ReturnType<typeof createRemoteJWKSet> | undefined;

  constructor(
    private readonly issuer: string,
    private readonly client: OidcClientSettings,
  ) {}

  /** `${AUTH_ISSUER}/.well-known/openid-configuration`, whose issuer must be AUTH_ISSUER exactly. */
  private discover(): Promise<ProviderMetadata> {
    this.metadata ??= this.fetchMetadata().catch((error: unknown) => {
      this.metadata = undefined;
      throw error;
    });
    return this.metadata;
  }

  private async fetchMetadata(): Promise<ProviderMetadata> {
    const url = `${this.issuer.replace(/\/+$/, "")}/.well-known/openid-configuration`;
    const response = await providerFetch(url, { headers: { accept: "application/json" } });
    if (!response.ok) throw unavailable(`${url} answered ${response.status}`);
    const document = (await response.json().catch(() => ({}))) as Record<string, unknown>;
    const [issuer, authorizationEndpoint, tokenEndpoint, jwksUri] = [
      document.issuer,
      document.authorization_endpoint,
      document.token_endpoint,
      document.jwks_uri,
    ].map(text);
    if (issuer !== this.issuer) throw unavailable(`${url} names the issuer ${String(issuer)}, not ${this.issuer}`);
    if (!authorizationEndpoint || !tokenEndpoint || !jwksUri) throw unavailable(`${url} lacks an endpoint of the code flow`);
    const methods = document.token_endpoint_auth_methods_supported;
    const postOnly = Array.isArray(methods) && methods.includes("client_secret_post") && !methods.includes("client_secret_basic");
    return {
      issuer,
      authorizationEndpoint,
      tokenEndpoint,
      jwksUri,
      clientAuthentication: postOnly ? "client_secret_post" : "client_secret_basic",
    };
  }

  /** Where to send the browser to sign in, and the secrets the callback will check. */
  async authorization(): Promise<{ readonly url: string; readonly transaction: SignInTransaction }> {
    const metadata = await this.discover();
    const transaction: SignInTransaction = { state: random(), nonce: random(), verifier: random() };
    const url = new URL(metadata.authorizationEndpoint);
    for (const [name, value] of Object.entries({
      response_type: "code",
      client_id: this.client.clientId,
      redirect_uri: this.client.redirectUrl,
      scope: "openid profile email",
      state: transaction.state,
      nonce: transaction.nonce,
      code_challenge: challengeOf(transaction.verifier),
      code_challenge_method: "S256",
    })) {
      url.searchParams.set(name, value);
    }
    return { url: url.href, transaction };
  }

  /**
   * The provider's answer at the callback: its error, or a code for this transaction's state
   * (and, when it names itself, RFC 9207's `iss`, for this issuer), exchanged and verified.
   */
  async complete(query: Readonly<Record<string, unknown>>, transaction: SignInTransaction | undefined): Promise<SignedIn> {
    const error = text(query.error);
    if (error) {
      throw new SignInFailed({ code: "provider-refused", reason: `${error}: ${text(query.error_description) ?? ""}` });
    }
    if (!transaction || text(query.state) !== transaction.state) {
      throw new SignInFailed({ code: "bad-state", reason: "the state is not the one this browser's sign-in started with" });
    }
    const code = text(query.code);
    if (!code) throw new SignInFailed({ code: "exchange-failed", reason: "the provider sent no code" });
    const metadata = await this.discover();
    const named = text(query.iss);
    if (named !== undefined && named !== metadata.issuer) {
      throw new SignInFailed({ code: "bad-state", reason: `the answer comes from ${named}, not ${metadata.issuer}` });
    }
    const idToken = await this.exchange(metadata, code, transaction.verifier);
    const payload = await this.verifyIdToken(metadata, idToken, transaction.nonce);
    return { idToken, expiresAt: payload.exp! * 1000 };
  }

  /** The token endpoint: the code, the verifier and the client's secret give the ID token. */
  private async exchange(metadata: ProviderMetadata, code: string, verifier: string): Promise<string> {
    const { clientId, clientSecret, redirectUrl } = this.client;
    const body = new URLSearchParams({
      grant_type: "authorization_code",
      code,
      redirect_uri: redirectUrl,
      code_verifier: verifier,
    });
    const headers: Record<string, string> = {
      accept: "application/json",
      "content-type": "application/x-www-form-urlencoded",
    };
    if (metadata.clientAuthentication === "client_secret_basic") {
      // RFC 6749 2.3.1: each part form-encoded before the Basic encoding.
      const encode = (value: string) => encodeURIComponent(value).replace(/%20/g, "+");
      headers.authorization = `Basic ${Buffer.from(`${encode(clientId)}:${encode(clientSecret)}`).toString("base64")}`;
    } else {
      body.set("client_id", clientId);
      body.set("client_secret", clientSecret);
    }
    const response = await providerFetch(metadata.tokenEndpoint, { method: "POST", headers, body });
    const answer = (await response.json().catch(() => ({}))) as Record<string, unknown>;
    if (!response.ok) {
      const reason = `the token endpoint answered ${response.status} ${text(answer.error) ?? ""} ${text(answer.error_description) ?? ""}`;
      throw new SignInFailed({ code: response.status >= 500 ? "provider-unavailable" : "exchange-failed", reason });
    }
    const idToken = text(answer.id_token);
    if (!idToken) throw new SignInFailed({ code: "exchange-failed", reason: "the token endpoint gave no ID token" });
    return idToken;
  }

  private async verifyIdToken(metadata: ProviderMetadata, idToken: string, nonce: string): Promise<JWTPayload> {
    this.keys ??= createRemoteJWKSet(new URL(metadata.jwksUri), { timeoutDuration: PROVIDER_TIMEOUT_MS });
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(idToken, this.keys, {
        issuer: metadata.issuer,
        audience: this.client.clientId,
        requiredClaims: ["sub", "exp", "iat", "nonce"],
      }));
    } catch (error) {
      throw new SignInFailed({ code: "invalid-id-token", reason: error instanceof Error ? error.message : String(error) });
    }
    if (payload.nonce !== nonce)
      throw new SignInFailed({ code: "invalid-id-token", reason: "the ID token's nonce is not this sign-in's" });
    // OpenID Connect Core 3.1.3.7: with other audiences beside this client, it must be the authorized party.
    if (Array.isArray(payload.aud) && payload.aud.length > 1 && payload.azp !== this.client.clientId) {
      throw new SignInFailed({ code: "invalid-id-token", reason: "the ID token is for another party (azp)" });
    }
    return payload;
  }
}
