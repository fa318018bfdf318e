import {
  GoalNotFound,
  IndicatorReadingInFuture,
  type IndicatorReadingId,
  InitiativeId,
  initiativeEvents as events,
} from "#domain";
import { Effect } from "effect";
import { type InitiativeSpec, coreTeamOrItsLeads, initiativeRules, newInInitiative, onInitiative } from "./initiative-spec.js";

/** The goal is named in the path; the server mints `readingId`. */
export const RecordIndicatorReadingInput = events.IndicatorReadingRecorded.schema
  .omit({ readingId: true })
  .extend({ initiativeId: InitiativeId });

/** A reading (mätvärde) of a goal's indicator, by the Core Team or the initiative's lead; it answers the new `readingId`. */
export const recordIndicatorReading: InitiativeSpec<typeof RecordIndicatorReadingInput> = {
  ...onInitiative,
  ...coreTeamOrItsLeads,
  name: "RecordIndicatorReading",
  input: RecordIndicatorReadingInput,
  creates: "resource",
  rules: initiativeRules(IndicatorReadingInFuture),
  missing: [GoalNotFound],
  target: newInInitiative,
  toCommand: ({ initiativeId: _, ...data }, { newId, today }) =>
    Effect.succeed({
      type: "RecordIndicatorReading",
      data: { ...data, readingId: newId as IndicatorReadingId, today },
    }),
};
