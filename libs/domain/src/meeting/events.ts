import { z } from "zod";
import type { EventsOf } from "../shared/event-catalog.js";
import {
  DecisionId,
  FocusArea,
  InitiativeId,
  MeetingId,
  NextStepId,
  PersonId,
  SignalId,
  TensionId,
  TEXT_LIMITS,
  isoDate,
  longText,
  shortText,
  textList,
} from "../shared/schema-primitives.js";
import { LogSeal } from "./log-seal.js";

export const MeetingBody = z.enum(["core-team", "board"]);
export type MeetingBody = z.infer<typeof MeetingBody>;
export const DecisionKind = z.enum(["budget", "mandate", "other"]);
export type DecisionKind = z.infer<typeof DecisionKind>;

export const MeetingPeople = z.array(PersonId).max(TEXT_LIMITS.list);

/**
 * A decision a Core Team member took between meetings (delegationsbeslut): a mandate event
 * recorded without a meeting's decision, named by its initiative and its revision there.
 */
export const DelegationDecisionRef = z.strictObject({ initiativeId: InitiativeId, revision: z.number().int().min(0) });
export type DelegationDecisionRef = z.infer<typeof DelegationDecisionRef>;

/** The open item a planned agenda item was built from. Recorded as given. */
export const AgendaSource = z.union([
  z.strictObject({ tensionId: TensionId }),
  z.strictObject({ signalId: SignalId }),
  z.strictObject({ meetingId: MeetingId, nextStepId: NextStepId }),
  z.strictObject({ delegationDecision: DelegationDecisionRef }),
]);
export type AgendaSource = z.infer<typeof AgendaSource>;
export const AgendaItem = z.strictObject({ title: shortText, source: AgendaSource.optional() });
export type AgendaItem = z.infer<typeof AgendaItem>;

/** A paragraph number (§) of the minutes: the agenda items are § 1, § 2, ... in agenda order. */
export const Paragraph = z.number().int().min(1).max(TEXT_LIMITS.list);

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
      /** The § of the agenda item it was taken under; absent in decisions recorded before §. */
      paragraph: Paragraph.optional(),
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
  /** `seal`: the log sealed as the minutes were approved; absent where no sealer ran (before seals, tests). */
  MinutesApproved: { schemaVersion: 1, schema: z.strictObject({ on: isoDate, seal: LogSeal.optional() }) },
  MinutesCorrected: { schemaVersion: 1, schema: z.strictObject({ correction: longText, reason: longText }) },
  /** A meeting to be held: its date and agenda, before anyone attends. */
  MeetingPlanned: {
    schemaVersion: 1,
    schema: z.strictObject({
      body: MeetingBody,
      focusArea: FocusArea,
      plannedOn: isoDate,
      agenda: z.array(AgendaItem).max(TEXT_LIMITS.list),
    }),
  },
  /** Ordförande, sekreterare and the two justerare; appointed again, they replace the earlier ones. */
  MeetingOfficersAppointed: {
    schemaVersion: 1,
    schema: z.strictObject({ chairId: PersonId, secretaryId: PersonId, adjusterIds: z.tuple([PersonId, PersonId]) }),
  },
  /** One adjuster has adjusted (justerat) the minutes; with both, they are approved. */
  /** `seal`: the log sealed as this adjuster adjusted; the later adjustment approves, and its seal is the approval's. */
  MinutesAdjusted: { schemaVersion: 1, schema: z.strictObject({ adjusterId: PersonId, on: isoDate, seal: LogSeal.optional() }) },
  NextStepCompleted: { schemaVersion: 1, schema: z.strictObject({ nextStepId: NextStepId, on: isoDate }) },
  NextStepDropped: { schemaVersion: 1, schema: z.strictObject({ nextStepId: NextStepId, reason: longText, on: isoDate }) },
  /** Anmälan av delegationsbeslut: the meeting was told of decisions taken between meetings. */
  DelegationDecisionsReported: {
    schemaVersion: 1,
    schema: z.strictObject({ decisions: z.array(DelegationDecisionRef).min(1).max(TEXT_LIMITS.list) }),
  },
} as const;

export type MeetingEvent = EventsOf<typeof meetingEvents>;
export type MeetingEventOf<Type extends MeetingEvent["type"]> = Extract<MeetingEvent, { type: Type }>;
