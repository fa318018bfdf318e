import type { DecisionId, FocusArea, InitiativeId, NextStepId, PersonId } from "../src/shared/schema-primitives.js";
import type { MeetingEvent } from "../src/meeting/events.js";

/** People and events the meeting specs share (test support; not exported from the stream). */
export const person = (n: number) => `0b6f3c1a-52d4-4e8b-9a41-7c2e5d9f1a${String(n).padStart(2, "0")}` as PersonId;
export const [chair, secretary, adjusterA, adjusterB, member] = [1, 2, 3, 4, 5].map(person) as [
  PersonId,
  PersonId,
  PersonId,
  PersonId,
  PersonId,
];
export const everyone: ReadonlySet<PersonId> = new Set([chair, secretary, adjusterA, adjusterB, member]);
export const focusArea = "alla-barn-och-unga-lyckas" as FocusArea;
export const decisionId = "5d1e8a2c-7b3f-4c9d-8e6a-1f2b3c4d5e01" as DecisionId;
export const nextStepId = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c01" as NextStepId;
export const initiativeId = "7c2e5d9f-1a01-4e8b-9a41-0b6f3c1a52d4" as InitiativeId;

export const heldOn19September = {
  type: "MeetingHeld",
  data: {
    body: "core-team",
    focusArea,
    heldOn: "2024-09-19",
    attendees: [chair, secretary, adjusterA, adjusterB],
    absentees: [member],
    agenda: ["Uppdateringar", "Budget 2025", "Att leda i samverkan", "Nästa steg"],
  },
} as const satisfies MeetingEvent;

export const officersAppointed = {
  type: "MeetingOfficersAppointed",
  data: { chairId: chair, secretaryId: secretary, adjusterIds: [adjusterA, adjusterB] },
} as const satisfies MeetingEvent;

export const adjustedBy = (adjusterId: PersonId, on = "2024-09-26"): MeetingEvent => ({
  type: "MinutesAdjusted",
  data: { adjusterId, on },
});

export const nextStepAgreed = {
  type: "NextStepAgreed",
  data: { nextStepId, text: "Möte i november", due: "2024-11-30" },
} as const satisfies MeetingEvent;
