import { z } from "zod";
import type { EventsOf } from "../shared/event-catalog.js";
import {
  DecisionId,
  FocusArea,
  NextStepId,
  PersonId,
  TEXT_LIMITS,
  isoDate,
  longText,
  shortText,
  textList,
} from "../shared/schema-primitives.js";

export const MeetingBody = z.enum(["core-team", "board"]);
export type MeetingBody = z.infer<typeof MeetingBody>;
export const DecisionKind = z.enum(["budget", "mandate", "other"]);
export type DecisionKind = z.infer<typeof DecisionKind>;

export const MeetingPeople = z.array(PersonId).max(TEXT_LIMITS.list);

export const meetingEvents = {
  MeetingHeld: {
    schemaVersion: 1,
    schema: z.strictObject({
      body: MeetingBody,
      focusArea: FocusArea,
      heldOn: isoDate,
      attendees: MeetingPeople,
      absentees: MeetingPeople,
      agenda: textList,
    }),
  },
  DecisionRecorded: {
    schemaVersion: 1,
    schema: z.strictObject({
      decisionId: DecisionId,
      subject: shortText,
      decision: longText,
      rationale: longText.optional(),
      kind: DecisionKind,
    }),
  },
  CommentRecorded: { schemaVersion: 1, schema: z.strictObject({ topic: shortText, comment: longText }) },
  NextStepAgreed: {
    schemaVersion: 1,
    schema: z.strictObject({
      nextStepId: NextStepId,
      text: longText,
      ownerId: PersonId.optional(),
      due: isoDate.optional(),
    }),
  },
  MinutesApproved: { schemaVersion: 1, schema: z.strictObject({ on: isoDate }) },
  MinutesCorrected: { schemaVersion: 1, schema: z.strictObject({ correction: longText, reason: longText }) },
} as const;

export type MeetingEvent = EventsOf<typeof meetingEvents>;
export type MeetingEventOf<Type extends MeetingEvent["type"]> = Extract<MeetingEvent, { type: Type }>;
