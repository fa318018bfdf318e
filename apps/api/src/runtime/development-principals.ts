import { type Role, ROLES } from "#domain";
import { EventStore } from "#event-store";
import type { TokenClaims } from "#platform";
import { listInitiatives } from "#projections";
import { Effect } from "effect";
import type { MandatRuntime } from "./mandat-runtime.js";

/**
 * Who the printed development tokens speak for. The lead's token names every initiative
 * there is, so each lead flow can be tried; no token is issued in production.
 */
export async function developmentPrincipals(runtime: MandatRuntime): Promise<Record<Role, TokenClaims>> {
  const head = await runtime.effects.runPromise(Effect.flatMap(EventStore, (store) => store.headPosition));
  await Effect.runPromise(runtime.runner.waitFor(head, 10_000));
  const initiatives = listInitiatives(runtime.readModels).map((initiative) => initiative.id);
  const claims = (role: Role): TokenClaims => ({
    sub: `dev-${role}`,
    name: `Development ${role}`,
    roles: [role],
    ...(role === "initiative-lead" ? { initiatives } : {}),
  });
  return Object.fromEntries(ROLES.map((role) => [role, claims(role)])) as Record<Role, TokenClaims>;
}
