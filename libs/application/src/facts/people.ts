import { type PersonId, personDecider, personStream } from "#domain";
import type { EventStoreService, StoreUnavailable } from "#event-store";
import { Effect, Option } from "effect";
import { readState } from "../read-state.js";

/**
 * Fact for rules such as "participants are registered people": which of `ids` are
 * registered and not erased. An erased person stays in the history but takes part in
 * nothing new.
 */
export const registeredPeople = (
  store: EventStoreService,
  ids: Iterable<string>,
): Effect.Effect<ReadonlySet<PersonId>, StoreUnavailable> =>
  Effect.gen(function* () {
    const registered = new Set<PersonId>();
    for (const id of new Set(ids)) {
      const state = yield* readState(store, personStream(id), personDecider);
      if (Option.isSome(state) && state.value.status === "registered") registered.add(id as PersonId);
    }
    return registered;
  });
