import { InitiativeId, clauseInputList, initiativeEvents as events, mandateChangesOf } from "#domain";

// What callers send. Ids a command creates (initiative, goal, mandate, check-in) are minted by
// the pipeline; every other command names its initiative, and the goal or mandate it changes.
const onInitiative = { initiativeId: InitiativeId };

export const RegisterInitiativeInput = events.InitiativeRegistered.schema;
export const AssignLeadInput = events.InitiativeLeadAssigned.schema.extend(onInitiative);
export const UnassignLeadInput = events.InitiativeLeadUnassigned.schema.extend(onInitiative);
export const LinkGoverningContextInput = events.GoverningContextLinked.schema.extend(onInitiative);
export const UnlinkGoverningContextInput = events.GoverningContextUnlinked.schema.extend(onInitiative);
export const CloseInitiativeInput = events.InitiativeClosed.schema.extend(onInitiative);

export const SetGoalInput = events.GoalSet.schema.omit({ goalId: true }).extend(onInitiative);
export const ReviseGoalInput = events.GoalRevised.schema.extend(onInitiative);
export const AchieveGoalInput = events.GoalAchieved.schema.extend(onInitiative);
export const DropGoalInput = events.GoalDropped.schema.extend(onInitiative);
/** The goal is named in the path; the server mints `readingId`. */
export const RecordIndicatorReadingInput = events.IndicatorReadingRecorded.schema.omit({ readingId: true }).extend(onInitiative);

export const AgreeCheckInCadenceInput = events.CheckInCadenceAgreed.schema.extend(onInitiative);
export const HoldCheckInInput = events.CheckInHeld.schema.omit({ checkInId: true }).extend(onInitiative);

/** Terms are lists of clauses, each stated as its text (v1) or as { id?, text } (docs/api.md, departure 47). */
const statedTerms = { scope: clauseInputList, boundaries: clauseInputList, principles: clauseInputList };

export const GrantMandateInput = events.MandateGranted.schema
  .omit({ mandateId: true })
  .extend({ ...onInitiative, ...statedTerms });
export const AmendMandateInput = events.MandateAmended.schema.extend({
  ...onInitiative,
  changes: mandateChangesOf(clauseInputList),
});
export const RenewMandateInput = events.MandateRenewed.schema.extend(onInitiative);
export const RevokeMandateInput = events.MandateRevoked.schema.extend(onInitiative);
