import {
  type DomainEvent,
  type InitiativeEvent,
  type InitiativeState,
  type OrganisationEvent,
  type OrganisationState,
  type PersonEvent,
  type PersonId,
  type PersonState,
  initiativeDecider,
  initiativeStream,
  organisationDecider,
  organisationStream,
  personDecider,
  personStream,
} from "#domain";
import type { EventStoreService, StoreUnavailable } from "#event-store";
import { Effect } from "effect";
import { type Evolving, loadState } from "../read-state.js";

/** Where the things of one kind are registered, and which states count as registered. */
interface Registry<Event extends DomainEvent, State> {
  readonly stream: (id: string) => string;
  readonly decider: Evolving<Event, State>;
  readonly registered: (state: State) => boolean;
}

export const organisationRegistry: Registry<OrganisationEvent, OrganisationState> = {
  stream: organisationStream,
  decider: organisationDecider,
  registered: (state) => state.status === "registered",
};

/** An erased person stays in the history but takes part in nothing new. */
export const personRegistry: Registry<PersonEvent, PersonState> = {
  stream: personStream,
  decider: personDecider,
  registered: (state) => state.status === "registered",
};

/** A closed initiative is still registered; what it may still take is its own decider's rule. */
export const initiativeRegistry: Registry<InitiativeEvent, InitiativeState> = {
  stream: initiativeStream,
  decider: initiativeDecider,
  registered: (state) => state.status !== "unregistered",
};

/**
 * Fact for rules such as "a tension names registered initiatives": which of `ids` name
 * nothing registered, each once. The streams are read at the same time, not one after
 * another; the lists a command may name are short (the schemas cap them).
 */
export const unregistered = <Id extends string, Event extends DomainEvent, State>(
  store: EventStoreService,
  registry: Registry<Event, State>,
  ids: Iterable<Id>,
): Effect.Effect<Id[], StoreUnavailable> =>
  Effect.filter(
    new Set(ids),
    (id) => Effect.map(loadState(store, registry.stream(id), registry.decider), ({ state }) => !registry.registered(state)),
    { concurrency: "unbounded" },
  );

/** Fact for rules such as "participants are registered people": those of `ids` who are. */
export const registeredPeople = (
  store: EventStoreService,
  ids: ReadonlyArray<string>,
): Effect.Effect<ReadonlySet<PersonId>, StoreUnavailable> =>
  Effect.map(
    unregistered(store, personRegistry, ids),
    (missing) => new Set(ids.filter((id) => !missing.includes(id)) as PersonId[]),
  );
