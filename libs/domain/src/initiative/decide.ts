import { OrganisationNotRegistered } from "../organisation/errors.js";
import { rejectUnusableContext } from "../organisation/facts.js";
import { DecisionNotFound } from "../meeting/errors.js";
import { rejectUnregistered } from "../person/registered-people.js";
import { PersonNotRegistered } from "../person/errors.js";
import { type IsoDate, addDays } from "../shared/calendar.js";
import { assertNever } from "../shared/assert-never.js";
import { type Decision, accept, reject } from "../shared/decision.js";
import { IdTaken } from "../shared/errors.js";
import type { GoalId, MandateId } from "../shared/schema-primitives.js";
import type { DecisionFacts, InitiativeCommand, InitiativeCommandOf } from "./commands.js";
import {
  CheckInInFuture,
  ClauseNotInMandate,
  ClosureInFuture,
  EffectiveDateOutsideValidity,
  GoalNotActive,
  GoalNotFound,
  GoverningContextNotLinked,
  InitiativeAlreadyRegistered,
  InitiativeNotRegistered,
  MandateNotFound,
  MandateRequiresActiveGoal,
  MandateRevoked,
  MandateValidityInvalid,
  MandatesOverlap,
  NextCheckInNotAfter,
  NotALead,
  RenewalNotLater,
  TriggerNotFound,
} from "./errors.js";
import type { InitiativeEvent, MandateChanges } from "./events.js";
import { rejectClosed } from "./facts.js";
import { recordIndicatorReading } from "./indicator-reading.js";
import {
  CLAUSE_KINDS,
  type ClauseItem,
  type ClauseKind,
  namedClauseIds,
  numberedInOrder,
  unknownClauseIds,
} from "./mandate-clauses.js";
import { numberedChanges, termsOn } from "./mandate-terms.js";
import { type DayRange, isInForceOn, overlapping } from "./mandate-validity.js";
import { type InitiativeState, type MandateState, type RegisteredInitiative, contextKey, hasActiveGoal } from "./state.js";

type InitiativeDecision = Decision<InitiativeEvent>;

/** initiative-closed (docs/domain.md, rule 5), wherever a command meets a closed initiative: here, or in a stream that cites it. */
export const decideInitiative = (command: InitiativeCommand, state: InitiativeState): InitiativeDecision => {
  if (state.status === "closed") return rejectClosed(state);
  if (command.type === "RegisterInitiative") return register(command, state);
  if (state.status === "unregistered") return reject(new InitiativeNotRegistered({ detail: "Register the initiative first" }));
  switch (command.type) {
    case "AssignLead":
      return assignLead(command, state);
    case "UnassignLead":
      return state.leads.has(command.data.personId)
        ? accept({ type: "InitiativeLeadUnassigned", data: command.data })
        : reject(new NotALead({ detail: `${command.data.personId} is not assigned to ${state.name}` }));
    case "SetGoal":
      return state.goals.has(command.data.goalId)
        ? reject(new IdTaken({ detail: `Goal ${command.data.goalId} already exists` }))
        : accept({ type: "GoalSet", data: command.data });
    case "ReviseGoal":
      return ifGoalActive(state, command.data.goalId, () => accept({ type: "GoalRevised", data: command.data }));
    case "AchieveGoal":
      return ifGoalActive(state, command.data.goalId, () => accept({ type: "GoalAchieved", data: command.data }));
    case "DropGoal":
      return ifGoalActive(state, command.data.goalId, () => accept({ type: "GoalDropped", data: command.data }));
    case "RecordIndicatorReading":
      return recordIndicatorReading(command.data, state);
    case "GrantMandate":
      return grantMandate(command, state);
    case "AmendMandate":
      return amendMandate(command, state);
    case "RenewMandate":
      return renewMandate(command, state);
    case "RevokeMandate":
      return revokeMandate(command, state);
    case "AgreeCheckInCadence":
      return state.cadenceDays === command.data.everyDays
        ? accept()
        : accept({ type: "CheckInCadenceAgreed", data: command.data });
    case "HoldCheckIn":
      return holdCheckIn(command);
    case "LinkGoverningContext":
      return linkGoverningContext(command, state);
    case "UnlinkGoverningContext": {
      const { organisationId, contextId, ...rest } = command.data;
      return state.contexts.has(contextKey(organisationId, contextId))
        ? accept({ type: "GoverningContextUnlinked", data: { organisationId, contextId, ...rest } })
        : reject(new GoverningContextNotLinked({ detail: `Context ${contextId} is not linked` }));
    }
    case "CloseInitiative": {
      // Closing takes effect at once (initiative-closed, docs/domain.md); a closure dated ahead would contradict it.
      const { today, ...data } = command.data;
      return data.on > today
        ? reject(new ClosureInFuture({ detail: `${data.on} is after today, ${today}` }))
        : accept({ type: "InitiativeClosed", data });
    }
    default:
      return assertNever(command, "initiative command");
  }
};

const register = (command: InitiativeCommandOf<"RegisterInitiative">, state: InitiativeState): InitiativeDecision => {
  if (state.status !== "unregistered") return reject(new InitiativeAlreadyRegistered({ detail: "This initiative id is taken" }));
  const { unregisteredOrganisations, ...data } = command.data;
  if (unregisteredOrganisations.length > 0) {
    return reject(new OrganisationNotRegistered({ detail: `Not registered: ${unregisteredOrganisations.join(", ")}` }));
  }
  return accept({ type: "InitiativeRegistered", data });
};

const assignLead = (command: InitiativeCommandOf<"AssignLead">, state: RegisteredInitiative): InitiativeDecision => {
  const { personRegistered, ...data } = command.data;
  if (!personRegistered) return reject(new PersonNotRegistered({ detail: `${data.personId} is not a registered person` }));
  return state.leads.get(data.personId) === data.role ? accept() : accept({ type: "InitiativeLeadAssigned", data });
};

const ifGoalActive = (state: RegisteredInitiative, goalId: GoalId, decide: () => InitiativeDecision): InitiativeDecision => {
  const status = state.goals.get(goalId);
  if (status === undefined) return reject(new GoalNotFound({ detail: `No goal ${goalId}` }));
  if (status !== "active") return reject(new GoalNotActive({ detail: `Goal ${goalId} is ${status}` }));
  return decide();
};

/** Rules every mandate command shares: the decision it cites exists, then its own rules. */
const citingDecision = <Data extends DecisionFacts & { readonly decision?: unknown }>(
  data: Data,
  decide: (data: Omit<Data, keyof DecisionFacts>) => InitiativeDecision,
): InitiativeDecision => {
  const { decisionFound, ...rest } = data;
  if (rest.decision !== undefined && !decisionFound) {
    return reject(new DecisionNotFound({ detail: `No meeting recorded ${JSON.stringify(rest.decision)}` }));
  }
  return decide(rest);
};

const overlapWith = (range: DayRange, mandates: Iterable<MandateState>): InitiativeDecision | undefined => {
  const clashes = overlapping(range, mandates);
  return clashes.length === 0
    ? undefined
    : reject(
        new MandatesOverlap({ detail: `Would be in force on the same days as ${clashes.map((m) => m.mandateId).join(", ")}` }),
      );
};

const grantMandate = (command: InitiativeCommandOf<"GrantMandate">, state: RegisteredInitiative): InitiativeDecision =>
  citingDecision(command.data, ({ scope, boundaries, principles, ...data }) => {
    if (state.mandates.has(data.mandateId)) return reject(new IdTaken({ detail: `Mandate ${data.mandateId} already exists` }));
    if (!hasActiveGoal(state)) {
      return reject(new MandateRequiresActiveGoal({ detail: `${state.name} has no active goal` }));
    }
    if (data.validUntil !== undefined && data.validUntil <= data.validFrom) {
      return reject(new MandateValidityInvalid({ detail: `${data.validUntil} is not after ${data.validFrom}` }));
    }
    const range: DayRange =
      data.validUntil === undefined ? { from: data.validFrom } : { from: data.validFrom, until: data.validUntil };
    const stated = { scope, boundaries, principles };
    // clause-not-in-mandate: nothing precedes a grant for an id to name; it numbers its clauses in order.
    const named = CLAUSE_KINDS.flatMap((kind) => namedClauseIds(stated[kind]));
    if (named.length > 0) {
      return reject(
        new ClauseNotInMandate({
          detail: `A grant numbers its clauses S1, B1, P1 … in order; it names none: ${named.join(", ")}`,
        }),
      );
    }
    const numbered = (kind: ClauseKind) =>
      numberedInOrder(
        kind,
        stated[kind].map((item: ClauseItem) => item.text),
      );
    return (
      overlapWith(range, state.mandates.values()) ??
      accept({
        type: "MandateGranted",
        data: { ...data, scope: numbered("scope"), boundaries: numbered("boundaries"), principles: numbered("principles") },
      })
    );
  });

/** The mandate a command addresses, if it exists and has not been revoked. */
const liveMandate = (
  state: RegisteredInitiative,
  mandateId: MandateId,
  decide: (mandate: MandateState) => InitiativeDecision,
): InitiativeDecision => {
  const mandate = state.mandates.get(mandateId);
  if (!mandate) return reject(new MandateNotFound({ detail: `No mandate ${mandateId}` }));
  if (mandate.revokedFrom !== undefined) {
    return reject(new MandateRevoked({ detail: `Mandate ${mandateId} was revoked from ${mandate.revokedFrom}` }));
  }
  return decide(mandate);
};

const effectiveWithin = (mandate: MandateState, date: IsoDate, decide: () => InitiativeDecision): InitiativeDecision =>
  isInForceOn(mandate, date)
    ? decide()
    : reject(
        new EffectiveDateOutsideValidity({
          detail: `${date} is outside ${mandate.validFrom}..${mandate.validUntil ?? "open end"}`,
        }),
      );

const amendMandate = (command: InitiativeCommandOf<"AmendMandate">, state: RegisteredInitiative): InitiativeDecision =>
  citingDecision(command.data, ({ triggerFound, ...data }) =>
    liveMandate(state, data.mandateId, (mandate) =>
      effectiveWithin(mandate, data.effectiveFrom, () =>
        data.triggeredBy !== undefined && !triggerFound
          ? reject(new TriggerNotFound({ detail: `${JSON.stringify(data.triggeredBy)} does not concern ${state.name}` }))
          : (unknownClauses(mandate, data.effectiveFrom, data.changes) ??
            accept({
              type: "MandateAmended",
              data: { ...data, changes: numberedChanges(mandate, data.effectiveFrom, data.changes) },
            })),
      ),
    ),
  );

/** clause-not-in-mandate: an id an amendment names is that of a clause of its kind in force on effectiveFrom. */
const unknownClauses = (
  mandate: MandateState,
  effectiveFrom: IsoDate,
  changes: MandateChanges,
): InitiativeDecision | undefined => {
  const before = termsOn(mandate.granted, mandate.amendments, effectiveFrom);
  const unknown = CLAUSE_KINDS.flatMap((kind) =>
    unknownClauseIds(before[kind], changes[kind] ?? []).map((id) => `${kind} ${id}`),
  );
  return unknown.length === 0
    ? undefined
    : reject(
        new ClauseNotInMandate({
          detail: `Not among mandate ${mandate.mandateId}'s clauses on ${effectiveFrom}: ${unknown.join(", ")}`,
        }),
      );
};

const renewMandate = (command: InitiativeCommandOf<"RenewMandate">, state: RegisteredInitiative): InitiativeDecision =>
  citingDecision(command.data, (data) =>
    liveMandate(state, data.mandateId, (mandate) => {
      if (mandate.validUntil === undefined || data.validUntil <= mandate.validUntil) {
        return reject(
          new RenewalNotLater({ detail: `${data.validUntil} is not later than ${mandate.validUntil ?? "an open end"}` }),
        );
      }
      const others = [...state.mandates.values()].filter((other) => other.mandateId !== mandate.mandateId);
      const extension: DayRange = { from: addDays(mandate.validUntil, 1), until: data.validUntil };
      return overlapWith(extension, others) ?? accept({ type: "MandateRenewed", data });
    }),
  );

const revokeMandate = (command: InitiativeCommandOf<"RevokeMandate">, state: RegisteredInitiative): InitiativeDecision =>
  citingDecision(command.data, (data) =>
    liveMandate(state, data.mandateId, (mandate) =>
      effectiveWithin(mandate, data.effectiveFrom, () => accept({ type: "MandateRevoked", data })),
    ),
  );

const holdCheckIn = (command: InitiativeCommandOf<"HoldCheckIn">): InitiativeDecision => {
  const { registeredParticipants, today, ...data } = command.data;
  if (data.heldOn > today) return reject(new CheckInInFuture({ detail: `${data.heldOn} is after today, ${today}` }));
  const unregistered = rejectUnregistered(data.participants, registeredParticipants);
  if (unregistered) return unregistered;
  if (data.nextCheckInOn !== undefined && data.nextCheckInOn <= data.heldOn) {
    return reject(new NextCheckInNotAfter({ detail: `${data.nextCheckInOn} is not after ${data.heldOn}` }));
  }
  return accept({ type: "CheckInHeld", data });
};

const linkGoverningContext = (
  command: InitiativeCommandOf<"LinkGoverningContext">,
  state: RegisteredInitiative,
): InitiativeDecision => {
  const { organisation, ...data } = command.data;
  const unusable = rejectUnusableContext(organisation, data);
  if (unusable) return unusable;
  return state.contexts.get(contextKey(data.organisationId, data.contextId)) === data.relation
    ? accept()
    : accept({ type: "GoverningContextLinked", data });
};
