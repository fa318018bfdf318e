import { describe, it } from "vitest";
import { deciderSpec } from "../../testing/decider-spec.js";
import { PersonNotRegistered } from "../person/errors.js";
import type { DecisionId, FocusArea, NextStepId, PersonId } from "../shared/schema-primitives.js";
import type { MeetingCommand } from "./commands.js";
import { meetingDecider } from "./decider.js";
import {
  AgendaItemsAlike,
  AttendeeAlsoAbsent,
  MeetingWithoutAttendees,
  MeetingAlreadyHeld,
  MeetingHeldInFuture,
  MeetingNotHeld,
  MinutesAlreadyApproved,
  MinutesFrozen,
  MinutesNotApproved,
} from "./errors.js";
import type { MeetingEvent } from "./events.js";

const spec = deciderSpec(meetingDecider);
const anna = "0b6f3c1a-52d4-4e8b-9a41-7c2e5d9f1a01" as PersonId;
const bertil = "0b6f3c1a-52d4-4e8b-9a41-7c2e5d9f1a02" as PersonId;
const cecilia = "0b6f3c1a-52d4-4e8b-9a41-7c2e5d9f1a03" as PersonId;
const everyone = new Set([anna, bertil, cecilia]);

const held = {
  type: "MeetingHeld",
  data: {
    body: "core-team",
    focusArea: "alla-barn-och-unga-lyckas" as FocusArea,
    heldOn: "2024-09-19",
    attendees: [anna, bertil],
    absentees: [cecilia],
    agenda: ["Uppdateringar", "Budget 2025"],
  },
} as const satisfies MeetingEvent;
const approved: MeetingEvent = { type: "MinutesApproved", data: { on: "2024-09-26" } };

/** The day the meeting was held (held.data.heldOn): recorded that evening. */
const theDay = "2024-09-19";
const hold = (
  attendees: PersonId[],
  absentees: PersonId[],
  registeredPeople: ReadonlySet<PersonId> = everyone,
  today: string = theDay,
) => ({ type: "HoldMeeting", data: { ...held.data, attendees, absentees, registeredPeople, today } }) as const;
const recordDecision = {
  type: "RecordDecision",
  data: {
    decisionId: "5d1e8a2c-7b3f-4c9d-8e6a-1f2b3c4d5e01" as DecisionId,
    subject: "Budget 2025",
    decision: "Budgeten för 2025 godkänns",
    kind: "budget",
  },
} as const satisfies MeetingCommand;
const recordComment = {
  type: "RecordComment",
  data: { topic: "Att leda i samverkan", comment: "Dragkamp mellan verksamheterna" },
} as const satisfies MeetingCommand;
const agreed = {
  type: "NextStepAgreed",
  data: {
    nextStepId: "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c01" as NextStepId,
    text: "Möte i november",
    ownerId: anna,
    due: "2024-11-30",
  },
} as const satisfies MeetingEvent;
const agree = (data: Omit<typeof agreed.data, "ownerId">, registeredPeople: ReadonlySet<PersonId> = everyone) =>
  ({ type: "AgreeNextStep", data: { ...data, registeredPeople } }) as const satisfies MeetingCommand;
const approve = { type: "ApproveMinutes", data: { on: "2024-09-26" } } as const satisfies MeetingCommand;
const correct = {
  type: "CorrectMinutes",
  data: { correction: "Mötet började 13.00, inte 14.00", reason: "Fel tid i protokollet" },
} as const satisfies MeetingCommand;

describe("HoldMeeting", () => {
  it("records the meeting", () =>
    spec
      .given([])
      .when(hold([anna, bertil], [cecilia]))
      .then([held]));
  it("rejects two agenda items titled alike", () =>
    spec
      .given([])
      .when({ ...hold([anna], []), data: { ...hold([anna], []).data, agenda: ["Budget", "Övrigt", "Budget"] } })
      .thenRejects(AgendaItemsAlike, "§ 1 and § 3"));
  it("rejects a meeting with nobody present", () =>
    spec
      .given([])
      .when(hold([], [anna, bertil]))
      .thenRejects(MeetingWithoutAttendees));
  it("rejects a person listed as both attending and absent", () =>
    spec
      .given([])
      .when(hold([anna, bertil], [bertil, cecilia]))
      .thenRejects(AttendeeAlsoAbsent, bertil));
  it("rejects an attendee who is not registered", () =>
    spec
      .given([])
      .when(hold([anna, bertil], [cecilia], new Set([bertil, cecilia])))
      .thenRejects(PersonNotRegistered));
  it("rejects an absentee who is not registered", () =>
    spec
      .given([])
      .when(hold([anna, bertil], [cecilia], new Set([anna, bertil])))
      .thenRejects(PersonNotRegistered));
  it("rejects a meeting held after today (docs/domain.md meeting-held-in-future): plan it instead", () =>
    spec
      .given([])
      .when(hold([anna, bertil], [cecilia], everyone, "2024-09-18"))
      .thenRejects(MeetingHeldInFuture, "2024-09-19", "2024-09-18"));
  it("rejects recording the meeting twice", () =>
    spec
      .given([held])
      .when(hold([anna], []))
      .thenRejects(MeetingAlreadyHeld));
});

describe("RecordDecision", () => {
  it("records a decision", () =>
    spec
      .given([held])
      .when(recordDecision)
      .then([{ type: "DecisionRecorded", data: recordDecision.data }]));
});

describe("RecordComment", () => {
  it("records a comment", () =>
    spec
      .given([held])
      .when(recordComment)
      .then([{ type: "CommentRecorded", data: recordComment.data }]));
  it("leaves the minutes open for more", () =>
    spec
      .given([held, { type: "CommentRecorded", data: recordComment.data }])
      .when(recordDecision)
      .then([{ type: "DecisionRecorded", data: recordDecision.data }]));
});

describe("AgreeNextStep", () => {
  const { ownerId: _, ...unowned } = agreed.data;
  it("agrees a next step with a registered owner", () => spec.given([held]).when(agree(agreed.data)).then([agreed]));
  it("agrees a next step without an owner", () =>
    spec
      .given([held])
      .when(agree(unowned, new Set()))
      .then([{ type: "NextStepAgreed", data: unowned }]));
  it("rejects an owner who is not registered", () =>
    spec
      .given([held])
      .when(agree(agreed.data, new Set([bertil])))
      .thenRejects(PersonNotRegistered));
});

describe("ApproveMinutes", () => {
  it("approves the minutes", () => spec.given([held]).when(approve).then([approved]));
  it("rejects approving twice", () => spec.given([held, approved]).when(approve).thenRejects(MinutesAlreadyApproved));
});

describe("CorrectMinutes", () => {
  const corrected: MeetingEvent = { type: "MinutesCorrected", data: correct.data };
  it("corrects approved minutes", () => spec.given([held, approved]).when(correct).then([corrected]));
  it("takes further corrections", () => spec.given([held, approved, corrected]).when(correct).then([corrected]));
  it("rejects a correction before approval", () => spec.given([held]).when(correct).thenRejects(MinutesNotApproved));
});

/** What adds to the minutes; approval freezes all of it. */
const minuting: MeetingCommand[] = [recordDecision, recordComment, agree(agreed.data)];

describe.each<MeetingCommand>([...minuting, approve, correct])("$type", (command) => {
  it("needs a recorded meeting", () => spec.given([]).when(command).thenRejects(MeetingNotHeld));
});

describe.each<MeetingCommand>([...minuting, approve, correct])(
  "$type when a broken stream approves minutes never held",
  (command) => {
    // The fold leaves what is filed about minutes before they are held (or while planned) out.
    it("needs a recorded meeting", () => spec.given([approved]).when(command).thenRejects(MeetingNotHeld));
  },
);

describe.each<MeetingCommand>(minuting)("$type after approval", (command) => {
  it("is rejected: the minutes are frozen", () => spec.given([held, approved]).when(command).thenRejects(MinutesFrozen));
});
