import { assertNever } from "../shared/assert-never.js";
import { FoldDrafts } from "../shared/fold-drafts.js";
import type { InitiativeEvent } from "./events.js";
import { numberedChanges } from "./mandate-terms.js";
import { type InitiativeState, type MandateState, type RegisteredInitiative, contextKey } from "./state.js";

/** Writes only the collections `drafts` says this fold owns (fold-drafts.ts); alone, it owns none. */
export const evolveInitiative = (
  state: InitiativeState,
  event: InitiativeEvent,
  drafts: FoldDrafts = new FoldDrafts(),
): InitiativeState => {
  if (event.type === "InitiativeRegistered") {
    return {
      status: "open",
      name: event.data.name,
      leads: new Map(),
      goals: new Map(),
      mandates: new Map(),
      contexts: new Map(),
    };
  }
  return state.status === "unregistered" ? state : evolveRegistered(state, event, drafts);
};

const evolveRegistered = (state: RegisteredInitiative, event: InitiativeEvent, drafts: FoldDrafts): RegisteredInitiative => {
  switch (event.type) {
    case "InitiativeRegistered":
      return state;
    case "InitiativeLeadAssigned":
      return { ...state, leads: drafts.map(state.leads).set(event.data.personId, event.data.role) };
    case "InitiativeLeadUnassigned":
      return { ...state, leads: without(drafts.map(state.leads), event.data.personId) };
    case "GoalSet":
      return { ...state, goals: drafts.map(state.goals).set(event.data.goalId, "active") };
    case "GoalRevised":
      return state;
    case "GoalAchieved":
      return { ...state, goals: drafts.map(state.goals).set(event.data.goalId, "achieved") };
    case "GoalDropped":
      return { ...state, goals: drafts.map(state.goals).set(event.data.goalId, "dropped") };
    case "IndicatorReadingRecorded":
      return state;
    case "MandateGranted": {
      const { mandateId, validFrom, validUntil, decision: _, ...granted } = event.data;
      return withMandate(state, drafts, {
        mandateId,
        validFrom,
        ...(validUntil === undefined ? {} : { validUntil }),
        granted,
        amendments: [],
      });
    }
    case "MandateAmended": {
      const { mandateId, effectiveFrom, changes } = event.data;
      return updateMandate(state, drafts, mandateId, (mandate) => ({
        ...mandate,
        amendments: [
          ...mandate.amendments,
          { effectiveFrom, changes: numberedChanges(mandate, effectiveFrom, changes), order: mandate.amendments.length },
        ],
      }));
    }
    case "MandateRenewed":
      return updateMandate(state, drafts, event.data.mandateId, (mandate) => ({ ...mandate, validUntil: event.data.validUntil }));
    case "MandateRevoked":
      return updateMandate(state, drafts, event.data.mandateId, (mandate) => ({
        ...mandate,
        revokedFrom: event.data.effectiveFrom,
      }));
    case "CheckInCadenceAgreed":
      return { ...state, cadenceDays: event.data.everyDays };
    case "CheckInHeld":
      return state;
    case "GoverningContextLinked": {
      const { organisationId, contextId, relation } = event.data;
      return { ...state, contexts: drafts.map(state.contexts).set(contextKey(organisationId, contextId), relation) };
    }
    case "GoverningContextUnlinked":
      return {
        ...state,
        contexts: without(drafts.map(state.contexts), contextKey(event.data.organisationId, event.data.contextId)),
      };
    case "InitiativeClosed":
      return { ...state, status: "closed", closedOn: event.data.on };
    default:
      return assertNever(event, "initiative event");
  }
};

/** `map`, which the fold owns, without `key`. */
const without = <K, V>(map: Map<K, V>, key: K): ReadonlyMap<K, V> => {
  map.delete(key);
  return map;
};

const withMandate = (state: RegisteredInitiative, drafts: FoldDrafts, mandate: MandateState): RegisteredInitiative => ({
  ...state,
  mandates: drafts.map(state.mandates).set(mandate.mandateId, mandate),
});

/** A mandate is replaced, never changed: a state the fold started from may hold it. */
const updateMandate = (
  state: RegisteredInitiative,
  drafts: FoldDrafts,
  mandateId: MandateState["mandateId"],
  update: (mandate: MandateState) => MandateState,
): RegisteredInitiative => {
  const mandate = state.mandates.get(mandateId);
  return mandate ? withMandate(state, drafts, update(mandate)) : state;
};
