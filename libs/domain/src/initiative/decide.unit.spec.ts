import { randomUUID } from "node:crypto";
import { Either } from "effect";
import { describe, expect, it } from "vitest";
import { deciderSpec } from "../../testing/decider-spec.js";
import { GoverningContextNotMapped, GoverningContextRetiredError, OrganisationNotRegistered } from "../organisation/errors.js";
import type { GoverningContextFacts } from "../organisation/facts.js";
import type { GoverningContextStatus } from "../organisation/state.js";
import { DecisionNotFound } from "../meeting/errors.js";
import { PersonNotRegistered } from "../person/errors.js";
import { addDays } from "../shared/calendar.js";
import { fold } from "../shared/decider.js";
import { IdTaken } from "../shared/errors.js";
import type {
  CheckInId,
  ContextId,
  DecisionId,
  DecisionRef,
  FocusArea,
  GoalId,
  MandateId,
  MeetingId,
  OrganisationId,
  PersonId,
  SignalId,
  TensionId,
} from "../shared/schema-primitives.js";
import type { InitiativeCommand, InitiativeCommandOf } from "./commands.js";
import { initiativeDecider } from "./decider.js";
import {
  CheckInInFuture,
  ClosureInFuture,
  EffectiveDateOutsideValidity,
  GoalNotActive,
  GoalNotFound,
  GoverningContextNotLinked,
  InitiativeAlreadyRegistered,
  InitiativeClosed,
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
  ClauseNotInMandate,
} from "./errors.js";
import { type ContextRelation, type InitiativeEvent, type InitiativeEventOf, type LeadRole, initiativeEvents } from "./events.js";
import type { IndicatorReadingId } from "./indicator-reading.js";
import type { ClauseKind } from "./mandate-clauses.js";

const spec = deciderSpec(initiativeDecider);

// ---------------------------------------------------------------------------------------
// Ids
// ---------------------------------------------------------------------------------------

const vasteras = randomUUID() as OrganisationId;
const mdu = randomUUID() as OrganisationId;
const lead = randomUUID() as PersonId;
const coLead = randomUUID() as PersonId;
const stranger = randomUUID() as PersonId;
const goalA = randomUUID() as GoalId;
const goalB = randomUUID() as GoalId;
const mandateA = randomUUID() as MandateId;
const mandateB = randomUUID() as MandateId;
const mandateC = randomUUID() as MandateId;
const checkInId = randomUUID() as CheckInId;
const contextId = randomUUID() as ContextId;
const signalId = randomUUID() as SignalId;
const tensionId = randomUUID() as TensionId;
const decision: DecisionRef = { meetingId: randomUUID() as MeetingId, decisionId: randomUUID() as DecisionId };

// ---------------------------------------------------------------------------------------
// Builders: events (the given / the then) and commands (the when)
// ---------------------------------------------------------------------------------------

const event = <Type extends InitiativeEvent["type"]>(type: Type, data: InitiativeEventOf<Type>["data"]): InitiativeEvent =>
  ({ type, data }) as InitiativeEvent;
const command = <Type extends InitiativeCommand["type"]>(
  type: Type,
  data: InitiativeCommandOf<Type>["data"],
): InitiativeCommandOf<Type> => ({ type, data }) as InitiativeCommandOf<Type>;

const registeredData: InitiativeEventOf<"InitiativeRegistered">["data"] = {
  name: "Läxhjälp i Västerås",
  focusArea: "alla-barn-och-unga-lyckas" as FocusArea,
  description: "Homework help after school, run with MDU students",
  organisationIds: [vasteras, mdu],
};
const registered = event("InitiativeRegistered", registeredData);

const goalData = (goalId: GoalId = goalA) => ({
  goalId,
  statement: "Every pupil in year 9 has access to homework help",
  indicator: "Share of schools offering homework help",
  targetDate: "2025-12-31",
});
const goalSet = (goalId: GoalId = goalA) => event("GoalSet", goalData(goalId));
const goalAchieved = (goalId: GoalId = goalA) =>
  event("GoalAchieved", { goalId, evidence: "All twelve schools run it", on: "2025-06-15" });
const goalDropped = (goalId: GoalId = goalA) => event("GoalDropped", { goalId, reason: "Replaced by a national programme" });

const grantedData = (mandateId: MandateId, validFrom: string, validUntil?: string) => ({
  mandateId,
  scope: [{ id: "S1", text: "Recruit and train student tutors" }],
  boundaries: [{ id: "B1", text: "No changes to the school timetable" }],
  principles: [{ id: "P1", text: "The pupils' needs come first" }],
  steering: "broad" as const,
  validFrom,
  ...(validUntil === undefined ? {} : { validUntil }),
});
const granted = (mandateId: MandateId, validFrom: string, validUntil?: string) =>
  event("MandateGranted", grantedData(mandateId, validFrom, validUntil));
const renewed = (mandateId: MandateId, validUntil: string) => event("MandateRenewed", { mandateId, validUntil });
const revoked = (mandateId: MandateId, effectiveFrom: string) =>
  event("MandateRevoked", { mandateId, reason: "The Core Team re-scoped the focus area", effectiveFrom });

const leadAssigned = (personId: PersonId = lead, role: LeadRole = "lead") => event("InitiativeLeadAssigned", { personId, role });
const contextLinked = (relation: ContextRelation = "decides") =>
  event("GoverningContextLinked", { organisationId: vasteras, contextId, relation });
const closed = event("InitiativeClosed", { reason: "The goal is reached and the work is line business", on: "2025-12-31" });

/** Registered with one active goal: the smallest history that can take a mandate. */
const withGoal: InitiativeEvent[] = [registered, goalSet()];
/** One mandate for the first half of 2025. */
const withMandate: InitiativeEvent[] = [...withGoal, granted(mandateA, "2025-01-01", "2025-06-30")];

/** A grant's data as a command states it: its clauses' texts, which the decider numbers. */
const stated = <Data extends Record<ClauseKind, ReadonlyArray<{ readonly text: string }>>>(data: Data) => ({
  ...data,
  scope: data.scope.map(({ text }) => ({ text })),
  boundaries: data.boundaries.map(({ text }) => ({ text })),
  principles: data.principles.map(({ text }) => ({ text })),
});
const grant = (mandateId: MandateId, validFrom: string, validUntil?: string) =>
  command("GrantMandate", { ...stated(grantedData(mandateId, validFrom, validUntil)), decisionFound: true });

const amendData = (effectiveFrom: string, mandateId: MandateId = mandateA) => ({
  mandateId,
  changes: { steering: "detailed" as const, budgetSek: 250_000 },
  reason: "Signal: the schools ask for closer follow-up",
  effectiveFrom,
});
const amend = (effectiveFrom: string, mandateId: MandateId = mandateA) =>
  command("AmendMandate", { ...amendData(effectiveFrom, mandateId), decisionFound: true, triggerFound: true });

const renew = (validUntil: string, mandateId: MandateId = mandateA) =>
  command("RenewMandate", { mandateId, validUntil, decisionFound: true });

const revokeData = (effectiveFrom: string, mandateId: MandateId = mandateA) => ({
  mandateId,
  reason: "The Core Team re-scoped the focus area",
  effectiveFrom,
});
const revoke = (effectiveFrom: string, mandateId: MandateId = mandateA) =>
  command("RevokeMandate", { ...revokeData(effectiveFrom, mandateId), decisionFound: true });

const today = "2025-03-10";
const checkInData = (overrides: Partial<InitiativeEventOf<"CheckInHeld">["data"]> = {}) => ({
  checkInId,
  heldOn: "2025-03-03",
  participants: [lead, coLead],
  mandateClarity: 4,
  confidence: 3,
  leadershipNeeded: "more-space" as const,
  notes: "Tutors recruited; two schools still hesitant",
  nextCheckInOn: "2025-04-03",
  ...overrides,
});
const holdCheckIn = (
  overrides: Partial<InitiativeEventOf<"CheckInHeld">["data"]> = {},
  registeredParticipants: ReadonlySet<PersonId> = new Set([lead, coLead]),
) => command("HoldCheckIn", { ...checkInData(overrides), registeredParticipants, today });

/** The organisation as linking `contextId` sees it: registered, with that context mapped (or retired, or never mapped). */
const organisation = (context: GoverningContextStatus = "mapped"): GoverningContextFacts => ({
  status: "registered",
  name: "Västerås stad",
  context,
});
const link = (relation: ContextRelation = "decides", org: GoverningContextFacts = organisation()) =>
  command("LinkGoverningContext", { organisationId: vasteras, contextId, relation, organisation: org });
const unlinkData = { organisationId: vasteras, contextId, reason: "The committee no longer funds it" };

/** Accepted or rejected, without caring which events: for the table tests below. */
const decide = (history: ReadonlyArray<InitiativeEvent>, cmd: InitiativeCommand) =>
  initiativeDecider.decide(cmd, fold(initiativeDecider, history));

// ---------------------------------------------------------------------------------------
// RegisterInitiative
// ---------------------------------------------------------------------------------------

describe("RegisterInitiative", () => {
  const register = (unregisteredOrganisations: ReadonlyArray<OrganisationId> = []) =>
    command("RegisterInitiative", { ...registeredData, unregisteredOrganisations });

  it("registers a new initiative; the facts are not recorded", () => spec.given([]).when(register()).then([registered]));
  it("rejects an organisation that is not registered", () =>
    spec
      .given([])
      .when(register([mdu, vasteras]))
      .thenRejects(OrganisationNotRegistered, `${mdu}, ${vasteras}`));
  it("rejects registering the same initiative twice", () =>
    spec.given([registered]).when(register()).thenRejects(InitiativeAlreadyRegistered));
});

// ---------------------------------------------------------------------------------------
// Leads
// ---------------------------------------------------------------------------------------

describe("AssignLead", () => {
  const assign = (role: LeadRole = "lead", personRegistered = true, personId: PersonId = lead) =>
    command("AssignLead", { personId, role, personRegistered });

  it("assigns a registered person", () => spec.given([registered]).when(assign()).then([leadAssigned()]));
  it("changes the role of a person already assigned", () =>
    spec
      .given([registered, leadAssigned()])
      .when(assign("co-lead"))
      .then([leadAssigned(lead, "co-lead")]));
  it("assigns a second person alongside the first", () =>
    spec
      .given([registered, leadAssigned()])
      .when(assign("key-role", true, coLead))
      .then([leadAssigned(coLead, "key-role")]));
  it("is a no-op when the person already holds that role", () =>
    spec.given([registered, leadAssigned()]).when(assign()).then([]));
  it("rejects a person who is not registered", () =>
    spec.given([registered]).when(assign("lead", false)).thenRejects(PersonNotRegistered, lead));
});

describe("UnassignLead", () => {
  const unassignData = { personId: lead, reason: "Moved to another role" };
  const unassign = command("UnassignLead", unassignData);

  it("unassigns an assigned person", () =>
    spec
      .given([registered, leadAssigned()])
      .when(unassign)
      .then([event("InitiativeLeadUnassigned", unassignData)]));
  it("rejects a person who was never assigned", () =>
    spec.given([registered]).when(unassign).thenRejects(NotALead, lead, "Läxhjälp i Västerås"));
  it("rejects a person who was already unassigned", () =>
    spec
      .given([registered, leadAssigned(), event("InitiativeLeadUnassigned", unassignData)])
      .when(unassign)
      .thenRejects(NotALead, lead));
  it("rejects another person than the one assigned", () =>
    spec
      .given([registered, leadAssigned(coLead)])
      .when(unassign)
      .thenRejects(NotALead, lead));
});

// ---------------------------------------------------------------------------------------
// Goals (goal-not-active, docs/domain.md)
// ---------------------------------------------------------------------------------------

describe("SetGoal", () => {
  it("sets a goal", () => spec.given([registered]).when(command("SetGoal", goalData())).then([goalSet()]));
  it("sets a goal without indicator or target date", () => {
    const data = { goalId: goalB, statement: "Fewer pupils leave school without grades" };
    return spec
      .given([registered, goalSet()])
      .when(command("SetGoal", data))
      .then([event("GoalSet", data)]);
  });
  it("rejects an id already in use, even by an achieved goal", () =>
    spec
      .given([...withGoal, goalAchieved()])
      .when(command("SetGoal", goalData()))
      .thenRejects(IdTaken, goalA));
});

describe("ReviseGoal", () => {
  const revisionData = {
    ...goalData(),
    statement: "Every pupil in years 7-9 has homework help",
    reason: "Widened after check-in",
  };
  const revise = command("ReviseGoal", revisionData);
  const revisedEvent = event("GoalRevised", revisionData);

  it("revises an active goal", () => spec.given(withGoal).when(revise).then([revisedEvent]));
  it("revises a goal more than once", () =>
    spec
      .given([...withGoal, revisedEvent])
      .when(revise)
      .then([revisedEvent]));
  it("rejects a goal that was never set", () => spec.given([registered]).when(revise).thenRejects(GoalNotFound, goalA));
  it("rejects an achieved goal (rule 7)", () =>
    spec
      .given([...withGoal, goalAchieved()])
      .when(revise)
      .thenRejects(GoalNotActive, goalA, "achieved"));
  it("rejects a dropped goal (rule 7)", () =>
    spec
      .given([...withGoal, goalDropped()])
      .when(revise)
      .thenRejects(GoalNotActive, goalA, "dropped"));
});

describe("AchieveGoal", () => {
  const achieve = command("AchieveGoal", goalAchieved().data as InitiativeEventOf<"GoalAchieved">["data"]);

  it("marks an active goal achieved", () => spec.given(withGoal).when(achieve).then([goalAchieved()]));
  it("rejects a goal that was never set", () => spec.given([registered]).when(achieve).thenRejects(GoalNotFound, goalA));
  it("rejects a goal already achieved", () =>
    spec
      .given([...withGoal, goalAchieved()])
      .when(achieve)
      .thenRejects(GoalNotActive, goalA, "achieved"));
  it("rejects a dropped goal", () =>
    spec
      .given([...withGoal, goalDropped()])
      .when(achieve)
      .thenRejects(GoalNotActive, goalA, "dropped"));
});

describe("DropGoal", () => {
  const drop = command("DropGoal", goalDropped().data as InitiativeEventOf<"GoalDropped">["data"]);

  it("drops an active goal", () => spec.given(withGoal).when(drop).then([goalDropped()]));
  it("rejects a goal that was never set", () => spec.given([registered]).when(drop).thenRejects(GoalNotFound, goalA));
  it("rejects a goal already dropped", () =>
    spec
      .given([...withGoal, goalDropped()])
      .when(drop)
      .thenRejects(GoalNotActive, goalA, "dropped"));
  it("rejects an achieved goal", () =>
    spec
      .given([...withGoal, goalAchieved()])
      .when(drop)
      .thenRejects(GoalNotActive, goalA, "achieved"));
});

// ---------------------------------------------------------------------------------------
// GrantMandate (docs/domain.md: mandate-requires-active-goal, mandates-overlap, mandate-validity-invalid)
// ---------------------------------------------------------------------------------------

describe("GrantMandate", () => {
  it("grants a mandate with a validity range", () =>
    spec
      .given(withGoal)
      .when(grant(mandateA, "2025-01-01", "2025-06-30"))
      .then([granted(mandateA, "2025-01-01", "2025-06-30")]));
  it("grants an open-ended mandate", () =>
    spec
      .given(withGoal)
      .when(grant(mandateA, "2025-01-01"))
      .then([granted(mandateA, "2025-01-01")]));
  it("rejects an id already in use, even by a revoked mandate", () =>
    spec
      .given([
        ...withGoal,
        granted(mandateA, "2025-01-01", "2025-03-31"),
        event("MandateRevoked", { mandateId: mandateA, reason: "Replaced", effectiveFrom: "2025-01-01" }),
      ])
      .when(grant(mandateA, "2025-06-01"))
      .thenRejects(IdTaken, mandateA));
  it("grants a mandate with budget and the decision behind it; the fact is not recorded", () => {
    const data = { ...grantedData(mandateA, "2025-01-01", "2025-12-31"), budgetSek: 400_000, decision };
    return spec
      .given(withGoal)
      .when(command("GrantMandate", { ...stated(data), decisionFound: true }))
      .then([event("MandateGranted", data)]);
  });

  describe("decision cited", () => {
    it("rejects a decision no meeting recorded", () =>
      spec
        .given(withGoal)
        .when(command("GrantMandate", { ...stated(grantedData(mandateA, "2025-01-01")), decision, decisionFound: false }))
        .thenRejects(DecisionNotFound, decision.decisionId));
    it("ignores decisionFound when no decision is cited", () =>
      spec
        .given(withGoal)
        .when(command("GrantMandate", { ...stated(grantedData(mandateA, "2025-01-01")), decisionFound: false }))
        .then([granted(mandateA, "2025-01-01")]));
  });

  describe("rule 1: an active goal", () => {
    it("rejects when no goal was ever set", () =>
      spec.given([registered]).when(grant(mandateA, "2025-01-01")).thenRejects(MandateRequiresActiveGoal, "Läxhjälp i Västerås"));
    it("rejects when every goal is achieved", () =>
      spec
        .given([...withGoal, goalSet(goalB), goalAchieved(goalA), goalAchieved(goalB)])
        .when(grant(mandateA, "2025-01-01"))
        .thenRejects(MandateRequiresActiveGoal));
    it("rejects when every goal is dropped", () =>
      spec
        .given([...withGoal, goalSet(goalB), goalDropped(goalA), goalDropped(goalB)])
        .when(grant(mandateA, "2025-01-01"))
        .thenRejects(MandateRequiresActiveGoal));
    it("rejects when one goal is achieved and the other dropped", () =>
      spec
        .given([...withGoal, goalSet(goalB), goalAchieved(goalA), goalDropped(goalB)])
        .when(grant(mandateA, "2025-01-01"))
        .thenRejects(MandateRequiresActiveGoal));
    it("accepts when one goal of several is still active", () =>
      spec
        .given([...withGoal, goalSet(goalB), goalAchieved(goalA)])
        .when(grant(mandateA, "2025-01-01"))
        .then([granted(mandateA, "2025-01-01")]));
  });

  describe("rule 3: validUntil after validFrom", () => {
    it("rejects validUntil equal to validFrom", () =>
      spec
        .given(withGoal)
        .when(grant(mandateA, "2025-01-01", "2025-01-01"))
        .thenRejects(MandateValidityInvalid, "2025-01-01"));
    it("rejects validUntil before validFrom", () =>
      spec
        .given(withGoal)
        .when(grant(mandateA, "2025-01-01", "2024-12-31"))
        .thenRejects(MandateValidityInvalid, "2025-01-01", "2024-12-31"));
    it("accepts validUntil the day after validFrom", () =>
      spec
        .given(withGoal)
        .when(grant(mandateA, "2025-01-01", "2025-01-02"))
        .then([granted(mandateA, "2025-01-01", "2025-01-02")]));
  });

  describe("rule 2: no two mandates in force on the same day", () => {
    // withMandate: mandate A in force 2025-01-01 .. 2025-06-30
    it("rejects the same range", () =>
      spec
        .given(withMandate)
        .when(grant(mandateB, "2025-01-01", "2025-06-30"))
        .thenRejects(MandatesOverlap, mandateA));
    it("rejects a range that starts inside the existing one", () =>
      spec
        .given(withMandate)
        .when(grant(mandateB, "2025-06-01", "2025-12-31"))
        .thenRejects(MandatesOverlap));
    it("rejects a range that ends inside the existing one", () =>
      spec
        .given(withMandate)
        .when(grant(mandateB, "2024-07-01", "2025-01-01"))
        .thenRejects(MandatesOverlap));
    it("rejects a range that encloses the existing one", () =>
      spec
        .given(withMandate)
        .when(grant(mandateB, "2024-01-01", "2025-12-31"))
        .thenRejects(MandatesOverlap));
    it("rejects a range inside the existing one", () =>
      spec
        .given(withMandate)
        .when(grant(mandateB, "2025-03-01", "2025-03-31"))
        .thenRejects(MandatesOverlap));
    it("rejects a new range starting on the existing validUntil (one shared day)", () =>
      spec
        .given(withMandate)
        .when(grant(mandateB, "2025-06-30", "2025-12-31"))
        .thenRejects(MandatesOverlap));
    it("rejects an open-ended new mandate that starts before the existing one", () =>
      spec.given(withMandate).when(grant(mandateB, "2024-06-01")).thenRejects(MandatesOverlap));
    it("accepts an adjacent range starting the day after the existing validUntil", () =>
      spec
        .given(withMandate)
        .when(grant(mandateB, "2025-07-01", "2025-12-31"))
        .then([granted(mandateB, "2025-07-01", "2025-12-31")]));
    it("accepts an adjacent range ending the day before the existing validFrom", () =>
      spec
        .given(withMandate)
        .when(grant(mandateB, "2024-07-01", "2024-12-31"))
        .then([granted(mandateB, "2024-07-01", "2024-12-31")]));
    it("accepts an open-ended mandate after the existing one", () =>
      spec
        .given(withMandate)
        .when(grant(mandateB, "2025-07-01"))
        .then([granted(mandateB, "2025-07-01")]));

    describe("an open-ended existing mandate", () => {
      const openEnded = [...withGoal, granted(mandateA, "2025-01-01")];
      it("blocks any later start, however far away", () =>
        spec
          .given(openEnded)
          .when(grant(mandateB, "2030-01-01", "2030-12-31"))
          .thenRejects(MandatesOverlap));
      it("blocks a range that runs into it", () =>
        spec
          .given(openEnded)
          .when(grant(mandateB, "2024-07-01", "2025-01-01"))
          .thenRejects(MandatesOverlap));
      it("leaves the days before it free", () =>
        spec
          .given(openEnded)
          .when(grant(mandateB, "2024-07-01", "2024-12-31"))
          .then([granted(mandateB, "2024-07-01", "2024-12-31")]));
    });

    describe("a revoked mandate", () => {
      const revokedFromMay = [...withMandate, revoked(mandateA, "2025-05-01")];
      it("no longer blocks the days from its revocation on", () =>
        spec
          .given(revokedFromMay)
          .when(grant(mandateB, "2025-05-01", "2025-12-31"))
          .then([granted(mandateB, "2025-05-01", "2025-12-31")]));
      it("still blocks the day before its revocation", () =>
        spec
          .given(revokedFromMay)
          .when(grant(mandateB, "2025-04-30", "2025-12-31"))
          .thenRejects(MandatesOverlap));
      it("of an open-ended mandate frees everything from the revocation on", () =>
        spec
          .given([...withGoal, granted(mandateA, "2025-01-01"), revoked(mandateA, "2025-09-01")])
          .when(grant(mandateB, "2025-09-01"))
          .then([granted(mandateB, "2025-09-01")]));
      it("revoked on its validFrom blocks no day at all", () =>
        spec
          .given([...withMandate, revoked(mandateA, "2025-01-01")])
          .when(grant(mandateB, "2025-01-01", "2025-06-30"))
          .then([granted(mandateB, "2025-01-01", "2025-06-30")]));
    });

    it("a renewed mandate blocks its renewed days", () =>
      spec
        .given([...withMandate, renewed(mandateA, "2025-09-30")])
        .when(grant(mandateB, "2025-09-30", "2025-12-31"))
        .thenRejects(MandatesOverlap));
    it("a renewed mandate leaves the days after its new validUntil free", () =>
      spec
        .given([...withMandate, renewed(mandateA, "2025-09-30")])
        .when(grant(mandateB, "2025-10-01", "2025-12-31"))
        .then([granted(mandateB, "2025-10-01", "2025-12-31")]));
    it("fits between two mandates with a gap", () =>
      spec
        .given([...withMandate, granted(mandateB, "2025-10-01", "2025-12-31")])
        .when(grant(mandateC, "2025-07-01", "2025-09-30"))
        .then([granted(mandateC, "2025-07-01", "2025-09-30")]));
    it("rejects filling a gap one day too wide", () =>
      spec
        .given([...withMandate, granted(mandateB, "2025-10-01", "2025-12-31")])
        .when(grant(mandateC, "2025-07-01", "2025-10-01"))
        .thenRejects(MandatesOverlap, mandateB));
  });
});

// ---------------------------------------------------------------------------------------
// AmendMandate (docs/domain.md: effective-date-outside-validity, mandate-revoked, trigger-not-found)
// ---------------------------------------------------------------------------------------

describe("AmendMandate", () => {
  const amended = (effectiveFrom: string) => event("MandateAmended", amendData(effectiveFrom));

  it("amends a mandate in force; the facts are not recorded", () =>
    spec
      .given(withMandate)
      .when(amend("2025-03-01"))
      .then([amended("2025-03-01")]));
  it("accepts effectiveFrom on validFrom", () =>
    spec
      .given(withMandate)
      .when(amend("2025-01-01"))
      .then([amended("2025-01-01")]));
  it("accepts effectiveFrom on validUntil", () =>
    spec
      .given(withMandate)
      .when(amend("2025-06-30"))
      .then([amended("2025-06-30")]));
  it("amends the same mandate more than once", () =>
    spec
      .given([...withMandate, amended("2025-02-01")])
      .when(amend("2025-03-01"))
      .then([amended("2025-03-01")]));
  it("accepts effectiveFrom far into an open-ended mandate", () =>
    spec
      .given([...withGoal, granted(mandateA, "2025-01-01")])
      .when(amend("2029-01-01"))
      .then([amended("2029-01-01")]));
  it("accepts effectiveFrom in the renewed part of a renewed mandate", () =>
    spec
      .given([...withMandate, renewed(mandateA, "2025-12-31")])
      .when(amend("2025-09-01"))
      .then([amended("2025-09-01")]));

  it("rejects a mandate that does not exist", () =>
    spec.given(withMandate).when(amend("2025-03-01", mandateB)).thenRejects(MandateNotFound, mandateB));

  // An amendment changes terms, never the validity: the mandate still ends on its validUntil.
  describe("an amended mandate keeps its validity", () => {
    const amendedInMarch = [...withMandate, amended("2025-03-01")];
    it("is renewed from its validUntil", () =>
      spec
        .given(amendedInMarch)
        .when(renew("2025-12-31"))
        .then([renewed(mandateA, "2025-12-31")]));
    it("leaves the days after its validUntil to a new mandate", () =>
      spec
        .given(amendedInMarch)
        .when(grant(mandateB, "2025-07-01", "2025-12-31"))
        .then([granted(mandateB, "2025-07-01", "2025-12-31")]));
    it("still blocks its own days", () =>
      spec
        .given(amendedInMarch)
        .when(grant(mandateB, "2025-06-30", "2025-12-31"))
        .thenRejects(MandatesOverlap, mandateA));
  });

  describe("rule 3: effectiveFrom within the mandate's validity", () => {
    it("rejects effectiveFrom the day before validFrom", () =>
      spec.given(withMandate).when(amend("2024-12-31")).thenRejects(EffectiveDateOutsideValidity, "2024-12-31", "2025-01-01"));
    it("rejects effectiveFrom the day after validUntil", () =>
      spec.given(withMandate).when(amend("2025-07-01")).thenRejects(EffectiveDateOutsideValidity, "2025-07-01", "2025-06-30"));
    it("rejects effectiveFrom before validFrom of an open-ended mandate", () =>
      spec
        .given([...withGoal, granted(mandateA, "2025-01-01")])
        .when(amend("2024-12-31"))
        .thenRejects(EffectiveDateOutsideValidity, "2024-12-31", "open end"));
  });

  describe("rule 4: a revoked mandate takes no amendment", () => {
    const revokedFromMay = [...withMandate, revoked(mandateA, "2025-05-01")];
    it("rejects effectiveFrom after the revocation", () =>
      spec.given(revokedFromMay).when(amend("2025-05-15")).thenRejects(MandateRevoked, mandateA, "2025-05-01"));
    it("rejects effectiveFrom before the revocation too", () =>
      spec.given(revokedFromMay).when(amend("2025-02-01")).thenRejects(MandateRevoked));
  });

  describe("decision cited", () => {
    it("records the decision when it was found", () => {
      const data = { ...amendData("2025-03-01"), decision };
      return spec
        .given(withMandate)
        .when(command("AmendMandate", { ...data, decisionFound: true, triggerFound: true }))
        .then([event("MandateAmended", data)]);
    });
    it("rejects a decision no meeting recorded", () =>
      spec
        .given(withMandate)
        .when(command("AmendMandate", { ...amendData("2025-03-01"), decision, decisionFound: false, triggerFound: true }))
        .thenRejects(DecisionNotFound, decision.decisionId));
    it("ignores decisionFound when no decision is cited", () =>
      spec
        .given(withMandate)
        .when(command("AmendMandate", { ...amendData("2025-03-01"), decisionFound: false, triggerFound: true }))
        .then([amended("2025-03-01")]));
  });

  describe("trigger", () => {
    const triggered = (triggeredBy: { signalId: SignalId } | { tensionId: TensionId }, triggerFound: boolean) =>
      command("AmendMandate", { ...amendData("2025-03-01"), triggeredBy, decisionFound: true, triggerFound });

    it("records a signal that concerns this initiative", () =>
      spec
        .given(withMandate)
        .when(triggered({ signalId }, true))
        .then([event("MandateAmended", { ...amendData("2025-03-01"), triggeredBy: { signalId } })]));
    it("records a tension that concerns this initiative", () =>
      spec
        .given(withMandate)
        .when(triggered({ tensionId }, true))
        .then([event("MandateAmended", { ...amendData("2025-03-01"), triggeredBy: { tensionId } })]));
    it("rejects a signal that does not concern this initiative", () =>
      spec.given(withMandate).when(triggered({ signalId }, false)).thenRejects(TriggerNotFound, signalId));
    it("rejects a tension that does not concern this initiative", () =>
      spec.given(withMandate).when(triggered({ tensionId }, false)).thenRejects(TriggerNotFound, tensionId));
    it("ignores triggerFound when no trigger is named", () =>
      spec
        .given(withMandate)
        .when(command("AmendMandate", { ...amendData("2025-03-01"), decisionFound: true, triggerFound: false }))
        .then([amended("2025-03-01")]));
  });

  // docs/domain.md "Clauses": ids carried forward, clause-not-in-mandate.
  describe("clauses", () => {
    const amendScope = (effectiveFrom: string, scope: ReadonlyArray<{ readonly id?: string; readonly text: string }>) =>
      command("AmendMandate", {
        mandateId: mandateA,
        changes: { scope: [...scope] },
        reason: "The schools asked",
        effectiveFrom,
        decisionFound: true,
        triggerFound: true,
      });
    const scopeAmended = (effectiveFrom: string, scope: ReadonlyArray<{ readonly id: string; readonly text: string }>) =>
      event("MandateAmended", {
        mandateId: mandateA,
        changes: { scope: [...scope] },
        reason: "The schools asked",
        effectiveFrom,
      });
    const tutors = "Recruit and train student tutors";

    it("keeps the id of an unchanged clause, keeps a named id for its new wording and numbers a new clause next", () =>
      spec
        .given(withMandate)
        .when(amendScope("2025-03-01", [{ text: "Run a summer school" }, { text: tutors }]))
        .then([
          scopeAmended("2025-03-01", [
            { id: "S2", text: "Run a summer school" },
            { id: "S1", text: tutors },
          ]),
        ]));
    it("records the id an item names for the clause it rewords", () =>
      spec
        .given(withMandate)
        .when(amendScope("2025-03-01", [{ id: "S1", text: "Recruit student tutors" }]))
        .then([scopeAmended("2025-03-01", [{ id: "S1", text: "Recruit student tutors" }])]));
    it("never gives a removed clause's number again", () =>
      spec
        .given([...withMandate, scopeAmended("2025-02-01", [{ id: "S2", text: "Run a summer school" }])])
        .when(amendScope("2025-03-01", [{ text: "Run a reading club" }]))
        .then([scopeAmended("2025-03-01", [{ id: "S3", text: "Run a reading club" }])]));
    it("numbers an amendment recorded without ids (schemaVersion 1) while folding, as the decider would have", () =>
      spec
        .given([
          ...withMandate,
          event("MandateAmended", {
            mandateId: mandateA,
            changes: { scope: [{ text: "Run a summer school" }] },
            reason: "Old",
            effectiveFrom: "2025-02-01",
          }),
        ])
        .when(amendScope("2025-03-01", [{ id: "S2", text: "Run a summer school in June" }, { text: tutors }]))
        .then([
          scopeAmended("2025-03-01", [
            { id: "S2", text: "Run a summer school in June" },
            { id: "S3", text: tutors },
          ]),
        ]));
    it("rejects an id not among the terms in force on effectiveFrom, naming it and the day", () =>
      spec
        .given([...withMandate, scopeAmended("2025-04-01", [{ id: "S2", text: "Run a summer school" }])])
        .when(amendScope("2025-03-01", [{ id: "S2", text: "Run a summer school in June" }]))
        .thenRejects(ClauseNotInMandate, "scope S2", "2025-03-01", mandateA));
    it("rejects an id of another kind", () =>
      spec
        .given(withMandate)
        .when(amendScope("2025-03-01", [{ id: "B1", text: tutors }]))
        .thenRejects(ClauseNotInMandate, "scope B1"));
    it("numbers a grant's clauses in order", () =>
      spec
        .given(withGoal)
        .when(
          command("GrantMandate", {
            mandateId: mandateA,
            scope: [{ text: "a" }, { text: "b" }],
            boundaries: [{ text: "c" }],
            principles: [],
            steering: "broad",
            validFrom: "2025-01-01",
            decisionFound: true,
          }),
        )
        .then([
          event("MandateGranted", {
            mandateId: mandateA,
            scope: [
              { id: "S1", text: "a" },
              { id: "S2", text: "b" },
            ],
            boundaries: [{ id: "B1", text: "c" }],
            principles: [],
            steering: "broad",
            validFrom: "2025-01-01",
          }),
        ]));
    it("rejects a grant that names an id: there is no clause before it", () =>
      spec
        .given(withGoal)
        .when(
          command("GrantMandate", {
            ...stated(grantedData(mandateA, "2025-01-01")),
            principles: [{ id: "P1", text: "x" }],
            decisionFound: true,
          }),
        )
        .thenRejects(ClauseNotInMandate, "P1"));
  });
});

// ---------------------------------------------------------------------------------------
// RenewMandate (docs/domain.md: mandates-overlap, renewal-not-later, mandate-revoked)
// ---------------------------------------------------------------------------------------

describe("RenewMandate", () => {
  it("moves validUntil later", () =>
    spec
      .given(withMandate)
      .when(renew("2025-12-31"))
      .then([renewed(mandateA, "2025-12-31")]));
  it("moves validUntil one day later", () =>
    spec
      .given(withMandate)
      .when(renew("2025-07-01"))
      .then([renewed(mandateA, "2025-07-01")]));
  it("renews an already renewed mandate further", () =>
    spec
      .given([...withMandate, renewed(mandateA, "2025-09-30")])
      .when(renew("2025-12-31"))
      .then([renewed(mandateA, "2025-12-31")]));
  it("rejects a mandate that does not exist", () =>
    spec.given(withMandate).when(renew("2025-12-31", mandateB)).thenRejects(MandateNotFound, mandateB));

  describe("rule 3: a renewal moves validUntil later", () => {
    it("rejects the same date", () =>
      spec.given(withMandate).when(renew("2025-06-30")).thenRejects(RenewalNotLater, "2025-06-30"));
    it("rejects an earlier date", () =>
      spec.given(withMandate).when(renew("2025-05-31")).thenRejects(RenewalNotLater, "2025-05-31", "2025-06-30"));
    it("rejects a date before validFrom", () => spec.given(withMandate).when(renew("2024-12-31")).thenRejects(RenewalNotLater));
    it("compares with the renewed validUntil, not the granted one", () =>
      spec
        .given([...withMandate, renewed(mandateA, "2025-09-30")])
        .when(renew("2025-08-31"))
        .thenRejects(RenewalNotLater, "2025-08-31", "2025-09-30"));
    it("rejects renewing an open-ended mandate", () =>
      spec
        .given([...withGoal, granted(mandateA, "2025-01-01")])
        .when(renew("2025-12-31"))
        .thenRejects(RenewalNotLater, "2025-12-31", "open end"));
  });

  describe("rule 4: a revoked mandate takes no renewal", () => {
    it("rejects renewing a revoked mandate", () =>
      spec
        .given([...withMandate, revoked(mandateA, "2025-05-01")])
        .when(renew("2025-12-31"))
        .thenRejects(MandateRevoked));
  });

  describe("rule 2: the extension may not run into another mandate", () => {
    const followed = [...withMandate, granted(mandateB, "2025-07-01", "2025-12-31")];
    it("rejects extending onto the next mandate's first day", () =>
      spec.given(followed).when(renew("2025-07-01")).thenRejects(MandatesOverlap, mandateB));
    it("rejects extending across the next mandate", () =>
      spec.given(followed).when(renew("2026-06-30")).thenRejects(MandatesOverlap));
    it("rejects extending into an open-ended later mandate", () =>
      spec
        .given([...withMandate, granted(mandateB, "2026-01-01")])
        .when(renew("2026-01-01"))
        .thenRejects(MandatesOverlap));
    it("accepts extending up to the day before the next mandate", () =>
      spec
        .given([...withMandate, granted(mandateB, "2025-10-01", "2025-12-31")])
        .when(renew("2025-09-30"))
        .then([renewed(mandateA, "2025-09-30")]));
    it("accepts extending into the days a revoked later mandate gave up", () =>
      spec
        .given([...followed, revoked(mandateB, "2025-07-01")])
        .when(renew("2025-12-31"))
        .then([renewed(mandateA, "2025-12-31")]));
    it("is not blocked by an earlier mandate", () =>
      spec
        .given([...withGoal, granted(mandateB, "2024-01-01", "2024-12-31"), granted(mandateA, "2025-01-01", "2025-06-30")])
        .when(renew("2025-12-31"))
        .then([renewed(mandateA, "2025-12-31")]));
  });

  describe("decision cited", () => {
    it("records the decision when it was found", () =>
      spec
        .given(withMandate)
        .when(command("RenewMandate", { mandateId: mandateA, validUntil: "2025-12-31", decision, decisionFound: true }))
        .then([event("MandateRenewed", { mandateId: mandateA, validUntil: "2025-12-31", decision })]));
    it("rejects a decision no meeting recorded", () =>
      spec
        .given(withMandate)
        .when(command("RenewMandate", { mandateId: mandateA, validUntil: "2025-12-31", decision, decisionFound: false }))
        .thenRejects(DecisionNotFound, decision.decisionId));
    it("ignores decisionFound when no decision is cited", () =>
      spec
        .given(withMandate)
        .when(command("RenewMandate", { mandateId: mandateA, validUntil: "2025-12-31", decisionFound: false }))
        .then([renewed(mandateA, "2025-12-31")]));
  });
});

// ---------------------------------------------------------------------------------------
// RevokeMandate (docs/domain.md: effective-date-outside-validity, mandate-revoked)
// ---------------------------------------------------------------------------------------

describe("RevokeMandate", () => {
  it("revokes a mandate from a day within its validity", () =>
    spec
      .given(withMandate)
      .when(revoke("2025-05-01"))
      .then([revoked(mandateA, "2025-05-01")]));
  it("revokes from validFrom (the mandate is then never in force)", () =>
    spec
      .given(withMandate)
      .when(revoke("2025-01-01"))
      .then([revoked(mandateA, "2025-01-01")]));
  it("revokes from validUntil", () =>
    spec
      .given(withMandate)
      .when(revoke("2025-06-30"))
      .then([revoked(mandateA, "2025-06-30")]));
  it("revokes an open-ended mandate at any later date", () =>
    spec
      .given([...withGoal, granted(mandateA, "2025-01-01")])
      .when(revoke("2027-01-01"))
      .then([revoked(mandateA, "2027-01-01")]));
  it("revokes in the renewed part of a renewed mandate", () =>
    spec
      .given([...withMandate, renewed(mandateA, "2025-12-31")])
      .when(revoke("2025-10-01"))
      .then([revoked(mandateA, "2025-10-01")]));
  it("rejects a mandate that does not exist", () =>
    spec.given(withMandate).when(revoke("2025-05-01", mandateB)).thenRejects(MandateNotFound, mandateB));

  describe("rule 3: effectiveFrom within the mandate's validity", () => {
    it("rejects effectiveFrom the day before validFrom", () =>
      spec.given(withMandate).when(revoke("2024-12-31")).thenRejects(EffectiveDateOutsideValidity, "2024-12-31", "2025-01-01"));
    it("rejects effectiveFrom the day after validUntil", () =>
      spec.given(withMandate).when(revoke("2025-07-01")).thenRejects(EffectiveDateOutsideValidity, "2025-07-01", "2025-06-30"));
  });

  it("rejects revoking a mandate already revoked", () =>
    spec
      .given([...withMandate, revoked(mandateA, "2025-05-01")])
      .when(revoke("2025-04-01"))
      .thenRejects(MandateRevoked, mandateA, "2025-05-01"));

  describe("decision cited", () => {
    it("records the decision when it was found", () =>
      spec
        .given(withMandate)
        .when(command("RevokeMandate", { ...revokeData("2025-05-01"), decision, decisionFound: true }))
        .then([event("MandateRevoked", { ...revokeData("2025-05-01"), decision })]));
    it("rejects a decision no meeting recorded", () =>
      spec
        .given(withMandate)
        .when(command("RevokeMandate", { ...revokeData("2025-05-01"), decision, decisionFound: false }))
        .thenRejects(DecisionNotFound, decision.decisionId));
    it("ignores decisionFound when no decision is cited", () =>
      spec
        .given(withMandate)
        .when(command("RevokeMandate", { ...revokeData("2025-05-01"), decisionFound: false }))
        .then([revoked(mandateA, "2025-05-01")]));
  });
});

// ---------------------------------------------------------------------------------------
// Check-ins (docs/domain.md: check-in-in-future, person-not-registered, next-check-in-not-after)
// ---------------------------------------------------------------------------------------

describe("AgreeCheckInCadence", () => {
  const agreed = (everyDays: number) => event("CheckInCadenceAgreed", { everyDays });
  const agree = (everyDays: number) => command("AgreeCheckInCadence", { everyDays });

  it("agrees a cadence", () =>
    spec
      .given([registered])
      .when(agree(14))
      .then([agreed(14)]));
  it("changes the cadence", () =>
    spec
      .given([registered, agreed(14)])
      .when(agree(30))
      .then([agreed(30)]));
  it("is a no-op when the cadence is unchanged", () =>
    spec
      .given([registered, agreed(14)])
      .when(agree(14))
      .then([]));
  it("agrees again a cadence that was changed in between", () =>
    spec
      .given([registered, agreed(14), agreed(30)])
      .when(agree(14))
      .then([agreed(14)]));
});

describe("HoldCheckIn", () => {
  it("records a check-in; the facts are not recorded", () =>
    spec
      .given([registered])
      .when(holdCheckIn())
      .then([event("CheckInHeld", checkInData())]));
  it("records a check-in held today", () =>
    spec
      .given([registered])
      .when(holdCheckIn({ heldOn: today }))
      .then([event("CheckInHeld", checkInData({ heldOn: today }))]));
  it("records a check-in without a next date", () => {
    const { nextCheckInOn: _omitted, ...data } = checkInData();
    return spec
      .given([registered])
      .when(command("HoldCheckIn", { ...data, registeredParticipants: new Set([lead, coLead]), today }))
      .then([event("CheckInHeld", data)]);
  });
  it("rejects a check-in held tomorrow", () =>
    spec
      .given([registered])
      .when(holdCheckIn({ heldOn: "2025-03-11" }))
      .thenRejects(CheckInInFuture, "2025-03-11", today));
  it("rejects a participant who is not registered", () =>
    spec
      .given([registered])
      .when(holdCheckIn({ participants: [lead, stranger] }))
      .thenRejects(PersonNotRegistered, stranger));
  it("rejects when no participant is registered", () =>
    spec.given([registered]).when(holdCheckIn({}, new Set())).thenRejects(PersonNotRegistered));
  it("rejects a next check-in on the same day", () =>
    spec
      .given([registered])
      .when(holdCheckIn({ nextCheckInOn: "2025-03-03" }))
      .thenRejects(NextCheckInNotAfter));
  it("rejects a next check-in before this one", () =>
    spec
      .given([registered])
      .when(holdCheckIn({ nextCheckInOn: "2025-03-02" }))
      .thenRejects(NextCheckInNotAfter, "2025-03-02", "2025-03-03"));
  it("accepts a next check-in the day after", () =>
    spec
      .given([registered])
      .when(holdCheckIn({ nextCheckInOn: "2025-03-04" }))
      .then([event("CheckInHeld", checkInData({ nextCheckInOn: "2025-03-04" }))]));
  it("records a check-in after earlier ones", () =>
    spec
      .given([registered, event("CheckInHeld", checkInData({ heldOn: "2025-02-03", nextCheckInOn: "2025-03-03" }))])
      .when(holdCheckIn())
      .then([event("CheckInHeld", checkInData())]));

  // Ratings (docs/domain.md "Numbered rules", rule 6) are not checked in decide: the event schema, which the input extends, enforces them.
  describe("rule 6: ratings are integers 1 to 5 (event schema)", () => {
    const body = checkInData();
    const parse = initiativeEvents.CheckInHeld.schema.safeParse;
    it.each([1, 5])("accepts %d", (value) =>
      expect(parse({ ...body, mandateClarity: value, confidence: value }).success).toBe(true),
    );
    it.each([0, 6, 2.5])("rejects mandateClarity %d", (value) =>
      expect(parse({ ...body, mandateClarity: value }).success).toBe(false),
    );
    it.each([0, 6, 2.5])("rejects confidence %d", (value) => expect(parse({ ...body, confidence: value }).success).toBe(false));
  });
});

// ---------------------------------------------------------------------------------------
// Governing contexts
// ---------------------------------------------------------------------------------------

describe("LinkGoverningContext", () => {
  it("links a mapped context; the organisation is not recorded", () =>
    spec.given([registered]).when(link()).then([contextLinked()]));
  it("changes the relation of a linked context", () =>
    spec
      .given([registered, contextLinked("decides")])
      .when(link("funds"))
      .then([contextLinked("funds")]));
  it("is a no-op when the context is already linked with that relation", () =>
    spec
      .given([registered, contextLinked("decides")])
      .when(link("decides"))
      .then([]));
  it("links again a context that was unlinked", () =>
    spec
      .given([registered, contextLinked(), event("GoverningContextUnlinked", unlinkData)])
      .when(link())
      .then([contextLinked()]));
  it("rejects an organisation that is not registered", () =>
    spec
      .given([registered])
      .when(link("decides", { status: "unregistered" }))
      .thenRejects(OrganisationNotRegistered, vasteras));
  it("rejects a context the organisation has not mapped", () =>
    spec
      .given([registered])
      .when(link("decides", { status: "registered", name: "Västerås stad", context: undefined }))
      .thenRejects(GoverningContextNotMapped, "Västerås stad", contextId));
  it("rejects a retired context", () =>
    spec
      .given([registered])
      .when(link("decides", organisation("retired")))
      .thenRejects(GoverningContextRetiredError, contextId));
});

describe("UnlinkGoverningContext", () => {
  const unlink = command("UnlinkGoverningContext", unlinkData);
  const unlinked = event("GoverningContextUnlinked", unlinkData);

  it("unlinks a linked context", () => spec.given([registered, contextLinked()]).when(unlink).then([unlinked]));
  it("rejects a context that was never linked", () =>
    spec.given([registered]).when(unlink).thenRejects(GoverningContextNotLinked, contextId));
  it("rejects a context already unlinked", () =>
    spec.given([registered, contextLinked(), unlinked]).when(unlink).thenRejects(GoverningContextNotLinked));
  it("rejects the same context id linked for another organisation", () =>
    spec
      .given([registered, event("GoverningContextLinked", { organisationId: mdu, contextId, relation: "informs" })])
      .when(unlink)
      .thenRejects(GoverningContextNotLinked));
});

// ---------------------------------------------------------------------------------------
// CloseInitiative and initiative-closed (docs/domain.md)
// ---------------------------------------------------------------------------------------

describe("CloseInitiative", () => {
  const closing = closed.data as InitiativeEventOf<"InitiativeClosed">["data"];
  it("closes an open initiative, dated today or earlier", () => {
    spec
      .given([registered])
      .when(command("CloseInitiative", { ...closing, today: closing.on }))
      .then([closed]);
    spec
      .given([registered])
      .when(command("CloseInitiative", { ...closing, today: "2099-01-01" }))
      .then([closed]);
  });
  it("does not close from a day still to come", () =>
    spec
      .given([registered])
      .when(command("CloseInitiative", { ...closing, today: addDays(closing.on, -1) }))
      .thenRejects(ClosureInFuture, closing.on, addDays(closing.on, -1)));
});

/** A lived-in initiative: a lead, a goal, a mandate, a cadence and a linked context. */
const beforeClose: InitiativeEvent[] = [
  ...withMandate,
  leadAssigned(),
  event("CheckInCadenceAgreed", { everyDays: 14 }),
  contextLinked(),
];

type CommandAfterRegistration = Exclude<InitiativeCommand["type"], "RegisterInitiative">;

/** One command of every type after registration, each acceptable on `beforeClose`. */
const commandsAfterRegistration = {
  AssignLead: command("AssignLead", { personId: coLead, role: "co-lead", personRegistered: true }),
  UnassignLead: command("UnassignLead", { personId: lead, reason: "Moved on" }),
  SetGoal: command("SetGoal", goalData(goalB)),
  ReviseGoal: command("ReviseGoal", { ...goalData(), reason: "Sharper wording" }),
  AchieveGoal: command("AchieveGoal", { goalId: goalA, evidence: "Done", on: "2025-06-15" }),
  DropGoal: command("DropGoal", { goalId: goalA, reason: "No longer relevant" }),
  RecordIndicatorReading: command("RecordIndicatorReading", {
    goalId: goalA,
    readingId: "9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b01" as IndicatorReadingId,
    value: 12,
    unit: "elever",
    on: "2025-06-01",
    today: "2025-06-01",
  }),
  GrantMandate: grant(mandateB, "2025-07-01", "2025-12-31"),
  AmendMandate: amend("2025-03-01"),
  RenewMandate: renew("2025-12-31"),
  RevokeMandate: revoke("2025-05-01"),
  AgreeCheckInCadence: command("AgreeCheckInCadence", { everyDays: 30 }),
  HoldCheckIn: holdCheckIn(),
  LinkGoverningContext: link("funds"),
  UnlinkGoverningContext: command("UnlinkGoverningContext", unlinkData),
  CloseInitiative: command("CloseInitiative", { reason: "Closing twice", on: "2026-01-31", today: "2026-02-01" }),
} satisfies { [Type in CommandAfterRegistration]: InitiativeCommandOf<Type> };
const everyCommandAfterRegistration = Object.entries(commandsAfterRegistration);

describe("rule 5: a closed initiative takes no further command", () => {
  // The compiler checks that the table holds every command but RegisterInitiative; this, that each is under its own type.
  it("the table holds each command under its own type", () => {
    for (const [type, cmd] of everyCommandAfterRegistration) expect(cmd.type).toBe(type);
  });

  it.each(everyCommandAfterRegistration)("%s is accepted while the initiative is open", (_type, cmd) =>
    expect(Either.isRight(decide(beforeClose, cmd))).toBe(true),
  );

  it.each(everyCommandAfterRegistration)("%s is rejected once it is closed", (_type, cmd) =>
    spec
      .given([...beforeClose, closed])
      .when(cmd)
      .thenRejects(InitiativeClosed, "Läxhjälp i Västerås", "2025-12-31"),
  );

  it("RegisterInitiative is rejected once it is closed", () =>
    spec
      .given([...beforeClose, closed])
      .when(command("RegisterInitiative", { ...registeredData, unregisteredOrganisations: [] }))
      .thenRejects(InitiativeClosed));
});

describe("an initiative that was never registered", () => {
  it.each(everyCommandAfterRegistration)("rejects %s", (_type, cmd) =>
    spec.given([]).when(cmd).thenRejects(InitiativeNotRegistered),
  );
  // A stream is folded from its first event: whatever precedes the registration changes nothing.
  it.each(everyCommandAfterRegistration)("rejects %s after events that came before any registration", (_type, cmd) =>
    spec.given(beforeClose.slice(1).concat(closed)).when(cmd).thenRejects(InitiativeNotRegistered),
  );
});
