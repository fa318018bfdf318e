import { type Role, ROLES } from "#domain";
import type { TokenClaims } from "#platform";
import { listInitiatives } from "#projections";
import type { MandatRuntime } from "./mandat-runtime.js";

/**
 * Who the printed development tokens speak for. The lead's token names every initiative
 * there is, so each lead flow can be tried; no token is issued in production.
 */
export async function developmentPrincipals(runtime: MandatRuntime): Promise<Record<Role, TokenClaims>> {
  // A demo history loaded at start is already projected; an existing log may still be
  // catching up after a restart, and the lead's token should name its latest initiatives.
  await runtime.readModelsAtHead(10_000);
  const initiatives = listInitiatives(runtime.readModels).map((initiative) => initiative.id);
  const claims = (role: Role): TokenClaims => ({
    sub: `dev-${role}`,
    name: `Development ${role}`,
    roles: [role],
    ...(role === "initiative-lead" ? { initiatives } : {}),
  });
  return Object.fromEntries(ROLES.map((role) => [role, claims(role)])) as Record<Role, TokenClaims>;
}
