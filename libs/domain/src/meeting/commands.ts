import { z } from "zod";
import {
  type DecisionId,
  FocusArea,
  type NextStepId,
  PersonId,
  isoDate,
  longText,
  shortText,
  textList,
} from "../shared/schema-primitives.js";
import { DecisionKind, MeetingBody, MeetingPeople } from "./events.js";

export const HoldMeetingInput = z.strictObject({
  body: MeetingBody,
  focusArea: FocusArea,
  heldOn: isoDate,
  attendees: MeetingPeople,
  absentees: MeetingPeople,
  agenda: textList,
});
export const RecordDecisionInput = z.strictObject({
  subject: shortText,
  decision: longText,
  rationale: longText.optional(),
  kind: DecisionKind,
});
export const RecordCommentInput = z.strictObject({ topic: shortText, comment: longText });
export const AgreeNextStepInput = z.strictObject({
  text: longText,
  ownerId: PersonId.optional(),
  due: isoDate.optional(),
});
export const ApproveMinutesInput = z.strictObject({});
export const CorrectMinutesInput = z.strictObject({ correction: longText, reason: longText });

/** Fact: which of the people a command names are registered (and not erased). */
interface RegisteredPeople {
  readonly registeredPeople: ReadonlySet<PersonId>;
}

export type MeetingCommand =
  | { readonly type: "HoldMeeting"; readonly data: z.infer<typeof HoldMeetingInput> & RegisteredPeople }
  | {
      readonly type: "RecordDecision";
      readonly data: z.infer<typeof RecordDecisionInput> & { readonly decisionId: DecisionId };
    }
  | { readonly type: "RecordComment"; readonly data: z.infer<typeof RecordCommentInput> }
  | {
      readonly type: "AgreeNextStep";
      readonly data: z.infer<typeof AgreeNextStepInput> & { readonly nextStepId: NextStepId } & RegisteredPeople;
    }
  | { readonly type: "ApproveMinutes"; readonly data: { readonly on: string } }
  | { readonly type: "CorrectMinutes"; readonly data: z.infer<typeof CorrectMinutesInput> };
