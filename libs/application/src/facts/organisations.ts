import { type OrganisationState, organisationDecider, organisationStream } from "#domain";
import type { EventStoreService, StoreUnavailable } from "#event-store";
import { Effect } from "effect";
import { loadState } from "../read-state.js";

/** Fact: the organisation's current state (unregistered when it has no stream). */
export const organisationState = (
  store: EventStoreService,
  organisationId: string,
): Effect.Effect<OrganisationState, StoreUnavailable> =>
  Effect.map(loadState(store, organisationStream(organisationId), organisationDecider), ({ state }) => state);
