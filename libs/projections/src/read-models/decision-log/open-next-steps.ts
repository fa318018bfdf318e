import type { IsoDate } from "#domain";
import type Database from "better-sqlite3";
import { prepared } from "../../runner/prepared.js";

/** A next step agreed at a meeting and still open, with the meeting that agreed it. */
export interface OpenNextStep {
  readonly meetingId: string;
  readonly heldOn: IsoDate;
  readonly nextStepId: string;
  readonly text: string;
  readonly ownerId: string | null;
  readonly due: IsoDate | null;
  /** Its place in the log: orders the steps one meeting agreed, and ends the key pages are cut by. */
  readonly position: number;
}

/** The key the list is ordered by: due date (none last), the day the meeting was held, the place in the log. */
export const openNextStepKey = (step: OpenNextStep): [string, string, number] => [
  step.due ?? NO_DUE_DATE,
  step.heldOn,
  step.position,
];

/** Every column of the key ascending. */
export const OPEN_NEXT_STEP_ORDER = [{}, {}, {}] as const;

/** Sorts after every date: a step without a due date comes last. */
const NO_DUE_DATE = "9999-12-31";

/**
 * The next steps open on `at` as known at `asOf`, across meetings: agreed at a meeting held
 * on or before `at` and recorded by `asOf`, and not marked done or dropped on or before `at`
 * as known at `asOf`. By due date (none last), then meeting date, then as agreed.
 */
export function openNextSteps(
  db: Database.Database,
  options: { readonly asOf?: string; readonly at: IsoDate; readonly focusArea?: string },
): OpenNextStep[] {
  // Spelled with the focus area or without, like the signal inbox's initiative filter.
  const ofFocusArea = options.focusArea === undefined ? "" : "AND m.focus_area = @focusArea";
  return prepared<{ asOf: string | null; at: IsoDate; focusArea: string | null; noDueDate: string }, OpenNextStep>(
    db,
    `SELECT s.meeting_id AS meetingId, m.held_on AS heldOn, s.next_step_id AS nextStepId, s.text, s.owner_id AS ownerId, s.due,
       s.position
     FROM meeting_next_steps s JOIN meetings m ON m.meeting_id = s.meeting_id
     WHERE m.held_on <= @at AND s.recorded_at <= coalesce(@asOf, s.recorded_at) ${ofFocusArea}
       AND (s.closed_on IS NULL OR s.closed_on > @at OR s.closed_recorded_at > coalesce(@asOf, s.closed_recorded_at))
     ORDER BY coalesce(s.due, @noDueDate), m.held_on, s.position`,
  ).all({ asOf: options.asOf ?? null, at: options.at, focusArea: options.focusArea ?? null, noDueDate: NO_DUE_DATE });
}
