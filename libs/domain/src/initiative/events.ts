import { z } from "zod";
import type { EventsOf } from "../shared/event-catalog.js";
import { indicatorReadingRecorded } from "./indicator-reading.js";
import {
  CheckInId,
  ContextId,
  DecisionRef,
  FocusArea,
  GoalId,
  MandateId,
  OrganisationId,
  PersonId,
  SignalId,
  TEXT_LIMITS,
  TensionId,
  amountSek,
  bilingual,
  isoDate,
  longText,
  name,
  optionalLongText,
  rating,
  shortText,
} from "../shared/schema-primitives.js";
import { clauseItemList, clauseList } from "./mandate-clauses.js";

export const LeadRole = z.enum(["lead", "co-lead", "key-role"]);
export type LeadRole = z.infer<typeof LeadRole>;
export const Steering = z.enum(["broad", "detailed"]);
export type Steering = z.infer<typeof Steering>;
export const LeadershipNeeded = z.enum(["more-direction", "more-detail", "more-space", "as-is"]);
export type LeadershipNeeded = z.infer<typeof LeadershipNeeded>;
export const ContextRelation = z.enum(["decides", "funds", "informs", "staffs"]);
export type ContextRelation = z.infer<typeof ContextRelation>;

/**
 * What an amendment may change, its lists read by `list`; anything left out stays as it was.
 * A list restates that term whole, each clause with its id (docs/domain.md "Clauses"); the
 * command's input states them as callers may (`clauseInputList`).
 */
export const mandateChangesOf = <List extends z.ZodType>(list: List) =>
  z
    .strictObject({
      scope: list.optional(),
      boundaries: list.optional(),
      principles: list.optional(),
      steering: Steering.optional(),
      budgetSek: amountSek.optional(),
    })
    .refine(
      (changes) => Object.values(changes).some((value) => value !== undefined),
      bilingual(
        "An amendment changes at least one of scope, boundaries, principles, steering or the budget",
        "En ändring ändrar minst ett av uppdrag, gränser, principer, styrning eller budget",
      ),
    );
export const MandateChanges = mandateChangesOf(clauseItemList);
export type MandateChanges = z.infer<typeof MandateChanges>;

export const MandateTrigger = z.union([z.strictObject({ signalId: SignalId }), z.strictObject({ tensionId: TensionId })]);
export type MandateTrigger = z.infer<typeof MandateTrigger>;

const goalFields = {
  statement: longText,
  indicator: shortText.optional(),
  targetDate: isoDate.optional(),
};

export const initiativeEvents = {
  InitiativeRegistered: {
    schemaVersion: 1,
    schema: z.strictObject({
      name,
      focusArea: FocusArea,
      description: optionalLongText,
      organisationIds: z.array(OrganisationId).min(1).max(TEXT_LIMITS.list),
    }),
  },
  InitiativeLeadAssigned: { schemaVersion: 1, schema: z.strictObject({ personId: PersonId, role: LeadRole }) },
  InitiativeLeadUnassigned: { schemaVersion: 1, schema: z.strictObject({ personId: PersonId, reason: longText }) },
  GoalSet: { schemaVersion: 1, schema: z.strictObject({ goalId: GoalId, ...goalFields }) },
  GoalRevised: { schemaVersion: 1, schema: z.strictObject({ goalId: GoalId, ...goalFields, reason: longText }) },
  GoalAchieved: { schemaVersion: 1, schema: z.strictObject({ goalId: GoalId, evidence: longText, on: isoDate }) },
  GoalDropped: { schemaVersion: 1, schema: z.strictObject({ goalId: GoalId, reason: longText }) },
  IndicatorReadingRecorded: indicatorReadingRecorded,
  // 2: each term's items are clauses { id, text } (issue #11); upcasters.ts numbers version 1's.
  MandateGranted: {
    schemaVersion: 2,
    schema: z.strictObject({
      mandateId: MandateId,
      scope: clauseList,
      boundaries: clauseList,
      principles: clauseList,
      steering: Steering,
      validFrom: isoDate,
      validUntil: isoDate.optional(),
      budgetSek: amountSek.optional(),
      decision: DecisionRef.optional(),
    }),
  },
  // 2: the changed lists are clauses; version 1's strings become clauses without ids, numbered while folding.
  MandateAmended: {
    schemaVersion: 2,
    schema: z.strictObject({
      mandateId: MandateId,
      changes: MandateChanges,
      reason: longText,
      effectiveFrom: isoDate,
      decision: DecisionRef.optional(),
      triggeredBy: MandateTrigger.optional(),
    }),
  },
  MandateRenewed: {
    schemaVersion: 1,
    schema: z.strictObject({ mandateId: MandateId, validUntil: isoDate, decision: DecisionRef.optional() }),
  },
  MandateRevoked: {
    schemaVersion: 1,
    schema: z.strictObject({
      mandateId: MandateId,
      reason: longText,
      effectiveFrom: isoDate,
      decision: DecisionRef.optional(),
    }),
  },
  CheckInCadenceAgreed: { schemaVersion: 1, schema: z.strictObject({ everyDays: z.number().int().min(1).max(365) }) },
  CheckInHeld: {
    schemaVersion: 1,
    schema: z.strictObject({
      checkInId: CheckInId,
      heldOn: isoDate,
      participants: z.array(PersonId).min(1).max(TEXT_LIMITS.list),
      mandateClarity: rating,
      confidence: rating,
      leadershipNeeded: LeadershipNeeded,
      notes: optionalLongText,
      nextCheckInOn: isoDate.optional(),
    }),
  },
  GoverningContextLinked: {
    schemaVersion: 1,
    schema: z.strictObject({ organisationId: OrganisationId, contextId: ContextId, relation: ContextRelation }),
  },
  GoverningContextUnlinked: {
    schemaVersion: 1,
    schema: z.strictObject({ organisationId: OrganisationId, contextId: ContextId, reason: longText }),
  },
  InitiativeClosed: { schemaVersion: 1, schema: z.strictObject({ reason: longText, on: isoDate }) },
} as const;

export type InitiativeEvent = EventsOf<typeof initiativeEvents>;
export type InitiativeEventOf<Type extends InitiativeEvent["type"]> = Extract<InitiativeEvent, { type: Type }>;
