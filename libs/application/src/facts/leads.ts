import { type Principal, actsFor, initiativeDecider, initiativeStream } from "#domain";
import { EventStore, type StoreUnavailable } from "#event-store";
import { Effect } from "effect";
import { loadState } from "../read-state.js";

const NO_LEADS: ReadonlySet<string> = new Set();

/**
 * Scope of a command that acts for other streams' initiatives (a signal, a tension): the
 * Core Team acts for every initiative; a lead only when each initiative's own stream, read
 * now, holds them as its lead. Nothing of the token takes part: unassigning a lead takes
 * effect on their next request.
 */
export const actsForInitiatives = (
  principal: Principal,
  initiativeIds: ReadonlyArray<string>,
): Effect.Effect<boolean, StoreUnavailable, EventStore> =>
  principal.roles.includes("core-team")
    ? Effect.succeed(true)
    : Effect.gen(function* () {
        const store = yield* EventStore;
        const initiatives = yield* Effect.forEach(
          new Set(initiativeIds),
          (id) =>
            Effect.map(loadState(store, initiativeStream(id), initiativeDecider), ({ state }) =>
              // A closed initiative has no leads to act for it: the role ends with it.
              state.status === "open" ? state.leads : NO_LEADS,
            ),
          { concurrency: "unbounded" },
        );
        return actsFor(principal, initiatives);
      });
