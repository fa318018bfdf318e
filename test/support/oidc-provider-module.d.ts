/**
 * What the tests use of `oidc-provider`, which ships no types of its own (its full
 * configuration is documented in node_modules/oidc-provider/docs and README).
 */
declare module "oidc-provider" {
  import type { IncomingMessage, ServerResponse } from "node:http";

  interface Account {
    readonly accountId: string;
    readonly claims: () => Record<string, unknown> | Promise<Record<string, unknown>>;
  }

  interface Configuration {
    readonly clients?: ReadonlyArray<Record<string, unknown>>;
    readonly jwks?: { readonly keys: ReadonlyArray<Record<string, unknown>> };
    readonly cookies?: { readonly keys: ReadonlyArray<string> };
    readonly claims?: Readonly<Record<string, ReadonlyArray<string>>>;
    readonly conformIdTokenClaims?: boolean;
    readonly ttl?: Readonly<Record<string, number>>;
    readonly features?: Readonly<Record<string, { readonly enabled: boolean }>>;
    readonly findAccount?: (context: unknown, sub: string) => Account | undefined | Promise<Account | undefined>;
  }

  export default class Provider {
    constructor(issuer: string, configuration?: Configuration);
    callback(): (request: IncomingMessage, response: ServerResponse) => void;
  }
}
