import type { IsoDate } from "../shared/calendar.js";
import type { DecisionId, FocusArea, NextStepId, PersonId } from "../shared/schema-primitives.js";
import type { AgendaItem, DecisionKind, MeetingBody } from "./events.js";

/** Ordförande, sekreterare and the two justerare of the minutes. */
export interface MeetingOfficers {
  readonly chairId: PersonId;
  readonly secretaryId: PersonId;
  readonly adjusterIds: readonly [PersonId, PersonId];
}

export type NextStepStatus = "open" | "done" | "dropped";

export type MeetingState =
  | { readonly status: "not-held" }
  | {
      /** Planned: a date and an agenda; it takes officers and being held, nothing else. */
      readonly status: "planned";
      readonly body: MeetingBody;
      readonly focusArea: FocusArea;
      readonly agenda: ReadonlyArray<AgendaItem>;
      readonly officers?: MeetingOfficers;
    }
  | {
      /** Approved minutes are frozen: only corrections (and next steps' follow-up) may follow. */
      readonly status: "held" | "approved";
      /** What other streams need to know of a decision they cite. */
      readonly decisions: ReadonlyMap<DecisionId, DecisionKind>;
      readonly heldOn: IsoDate;
      /** How many agenda items, so § 1 to § n. */
      readonly agendaLength: number;
      readonly officers?: MeetingOfficers;
      /** The adjusters who have adjusted; once one has, the minutes take no addition. */
      readonly adjustedBy: ReadonlySet<PersonId>;
      readonly nextSteps: ReadonlyMap<NextStepId, NextStepStatus>;
      /** Delegation decisions reported, as `initiativeId/revision`. */
      readonly reported: ReadonlySet<string>;
    };

export const initialMeetingState: MeetingState = { status: "not-held" };

/** The key of a reported delegation decision in `reported`. */
export const delegationDecisionKey = (ref: { readonly initiativeId: string; readonly revision: number }): string =>
  `${ref.initiativeId}/${ref.revision}`;
