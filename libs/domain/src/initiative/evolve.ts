import { assertNever } from "../shared/assert-never.js";
import type { InitiativeEvent } from "./events.js";
import { numberedChanges } from "./mandate-terms.js";
import { type InitiativeState, type MandateState, type RegisteredInitiative, contextKey } from "./state.js";

export const evolveInitiative = (state: InitiativeState, event: InitiativeEvent): InitiativeState => {
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
  return state.status === "unregistered" ? state : evolveRegistered(state, event);
};

const evolveRegistered = (state: RegisteredInitiative, event: InitiativeEvent): RegisteredInitiative => {
  switch (event.type) {
    case "InitiativeRegistered":
      return state;
    case "InitiativeLeadAssigned":
      return { ...state, leads: new Map(state.leads).set(event.data.personId, event.data.role) };
    case "InitiativeLeadUnassigned":
      return { ...state, leads: without(state.leads, event.data.personId) };
    case "GoalSet":
      return { ...state, goals: new Map(state.goals).set(event.data.goalId, "active") };
    case "GoalRevised":
      return state;
    case "GoalAchieved":
      return { ...state, goals: new Map(state.goals).set(event.data.goalId, "achieved") };
    case "GoalDropped":
      return { ...state, goals: new Map(state.goals).set(event.data.goalId, "dropped") };
    case "IndicatorReadingRecorded":
      return state;
    case "MandateGranted": {
      const { mandateId, validFrom, validUntil, decision: _, ...granted } = event.data;
      return withMandate(state, {
        mandateId,
        validFrom,
        ...(validUntil === undefined ? {} : { validUntil }),
        granted,
        amendments: [],
      });
    }
    case "MandateAmended": {
      const { mandateId, effectiveFrom, changes } = event.data;
      return updateMandate(state, mandateId, (mandate) => ({
        ...mandate,
        amendments: [
          ...mandate.amendments,
          { effectiveFrom, changes: numberedChanges(mandate, effectiveFrom, changes), order: mandate.amendments.length },
        ],
      }));
    }
    case "MandateRenewed":
      return updateMandate(state, event.data.mandateId, (mandate) => ({ ...mandate, validUntil: event.data.validUntil }));
    case "MandateRevoked":
      return updateMandate(state, event.data.mandateId, (mandate) => ({ ...mandate, revokedFrom: event.data.effectiveFrom }));
    case "CheckInCadenceAgreed":
      return { ...state, cadenceDays: event.data.everyDays };
    case "CheckInHeld":
      return state;
    case "GoverningContextLinked": {
      const { organisationId, contextId, relation } = event.data;
      return { ...state, contexts: new Map(state.contexts).set(contextKey(organisationId, contextId), relation) };
    }
    case "GoverningContextUnlinked":
      return { ...state, contexts: without(state.contexts, contextKey(event.data.organisationId, event.data.contextId)) };
    case "InitiativeClosed":
      return { ...state, status: "closed", closedOn: event.data.on };
    default:
      return assertNever(event, "initiative event");
  }
};

const without = <K, V>(map: ReadonlyMap<K, V>, key: K): ReadonlyMap<K, V> => {
  const copy = new Map(map);
  copy.delete(key);
  return copy;
};

const withMandate = (state: RegisteredInitiative, mandate: MandateState): RegisteredInitiative => ({
  ...state,
  mandates: new Map(state.mandates).set(mandate.mandateId, mandate),
});

const updateMandate = (
  state: RegisteredInitiative,
  mandateId: MandateState["mandateId"],
  update: (mandate: MandateState) => MandateState,
): RegisteredInitiative => {
  const mandate = state.mandates.get(mandateId);
  return mandate ? withMandate(state, update(mandate)) : state;
};
