import { z } from "zod";
import type { IsoDate } from "../shared/calendar.js";
import { type Decision, accept, reject } from "../shared/decision.js";
import { GoalId, anId, isoDate, optionalLongText, shortText } from "../shared/schema-primitives.js";
import { GoalNotFound, IndicatorReadingInFuture } from "./errors.js";
import type { RegisteredInitiative } from "./state.js";

/** One reading (mätvärde) of a goal's indicator: the value it had on a day. */
export const IndicatorReadingId = anId().brand<"IndicatorReadingId">();
export type IndicatorReadingId = z.infer<typeof IndicatorReadingId>;

/**
 * `IndicatorReadingRecorded`: a goal's indicator read `value` (in `unit`) on `on`. Any goal
 * of the initiative takes readings, achieved and dropped ones too: a value measured
 * afterwards still says what the work led to.
 */
export const indicatorReadingRecorded = {
  schemaVersion: 1,
  schema: z.strictObject({
    goalId: GoalId,
    readingId: IndicatorReadingId,
    value: z.number().finite(),
    unit: shortText,
    on: isoDate,
    note: optionalLongText.optional(),
  }),
} as const;
export type IndicatorReadingRecorded = z.infer<typeof indicatorReadingRecorded.schema>;

/** A reading is of a goal the initiative has, on a day that has come. */
export const recordIndicatorReading = (
  { today, ...data }: IndicatorReadingRecorded & { readonly today: IsoDate },
  state: RegisteredInitiative,
): Decision<{ readonly type: "IndicatorReadingRecorded"; readonly data: IndicatorReadingRecorded }> => {
  if (!state.goals.has(data.goalId)) return reject(new GoalNotFound({ detail: `No goal ${data.goalId} in ${state.name}` }));
  if (data.on > today) return reject(new IndicatorReadingInFuture({ detail: `${data.on} is after today, ${today}` }));
  return accept({ type: "IndicatorReadingRecorded", data });
};
