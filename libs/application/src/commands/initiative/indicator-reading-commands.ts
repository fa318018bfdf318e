import { GoalNotFound, IndicatorReadingInFuture, type IndicatorReadingId } from "#domain";
import { Effect } from "effect";
import { type InitiativeSpec, coreTeamOrItsLeads, initiativeRules, newInInitiative, onInitiative } from "./initiative-spec.js";
import { RecordIndicatorReadingInput } from "./inputs.js";

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
