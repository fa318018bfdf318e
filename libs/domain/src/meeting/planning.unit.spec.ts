import { describe, it } from "vitest";
import { deciderSpec } from "../../testing/decider-spec.js";
import {
  adjusterA,
  adjusterB,
  chair,
  decisionId,
  everyone,
  focusArea,
  initiativeId,
  member,
  officersAppointed,
  secretary,
} from "../../testing/meeting-fixtures.js";
import { PersonNotRegistered } from "../person/errors.js";
import type { PersonId, TensionId } from "../shared/schema-primitives.js";
import type { MeetingCommand } from "./commands.js";
import { meetingDecider } from "./decider.js";
import {
  AgendaItemsAlike,
  AttendeeAlsoAbsent,
  MeetingAlreadyHeld,
  MeetingHeldInFuture,
  MeetingNotYetHeld,
  MeetingWithoutAttendees,
} from "./errors.js";
import type { MeetingEvent } from "./events.js";

const spec = deciderSpec(meetingDecider);
const tensionId = "3e4f5a6b-7c8d-4e9f-8a0b-1c2d3e4f5a01" as TensionId;

const planned = {
  type: "MeetingPlanned",
  data: {
    body: "core-team",
    focusArea,
    plannedOn: "2024-11-28",
    agenda: [
      { title: "Uppdateringar" },
      { title: "Linjen och samverkan", source: { tensionId } },
      { title: "Anmälan av delegationsbeslut", source: { delegationDecision: { initiativeId, revision: 7 } } },
    ],
  },
} as const satisfies MeetingEvent;
const plan = { type: "PlanMeeting", data: planned.data } as const satisfies MeetingCommand;
const holdPlanned = (attendees: PersonId[], absentees: PersonId[], registeredPeople = everyone, today = "2024-11-28") =>
  ({ type: "HoldPlannedMeeting", data: { heldOn: "2024-11-28", attendees, absentees, registeredPeople, today } }) as const;
const heldAsPlanned: MeetingEvent = {
  type: "MeetingHeld",
  data: {
    body: "core-team",
    focusArea,
    heldOn: "2024-11-28",
    attendees: [chair, secretary, adjusterA, adjusterB],
    absentees: [member],
    agenda: ["Uppdateringar", "Linjen och samverkan", "Anmälan av delegationsbeslut"],
  },
};

describe("PlanMeeting", () => {
  it("plans a meeting with its date and an agenda built from open items", () => spec.given([]).when(plan).then([planned]));
  it("rejects two agenda items titled alike, naming their §", () =>
    spec
      .given([])
      .when({ ...plan, data: { ...plan.data, agenda: [...plan.data.agenda, { title: "Uppdateringar" }] } })
      .thenRejects(AgendaItemsAlike, "§ 1 and § 4"));
  it("rejects planning a meeting id that is taken", () => spec.given([planned]).when(plan).thenRejects(MeetingAlreadyHeld));
});

describe("a planned meeting", () => {
  it("is held with the plan's body, focus area and agenda", () =>
    spec
      .given([planned])
      .when(holdPlanned([chair, secretary, adjusterA, adjusterB], [member]))
      .then([heldAsPlanned]));
  it("takes its officers before it is held, and keeps them once held", () => {
    spec
      .given([planned])
      .when({ type: "AppointMeetingOfficers", data: { ...officersAppointed.data, registeredPeople: everyone } })
      .then([officersAppointed]);
    spec
      .given([planned, officersAppointed, heldAsPlanned])
      .when({ type: "AdjustMinutes", data: { adjusterId: adjusterA, on: "2024-12-02" } })
      .then([{ type: "MinutesAdjusted", data: { adjusterId: adjusterA, on: "2024-12-02" } }]);
  });
  it("rejects nobody present when held", () =>
    spec
      .given([planned])
      .when(holdPlanned([], [member]))
      .thenRejects(MeetingWithoutAttendees));
  it("rejects a person both attending and absent when held", () =>
    spec
      .given([planned])
      .when(holdPlanned([chair, member], [member]))
      .thenRejects(AttendeeAlsoAbsent, member));
  it("rejects an attendee who is not registered when held", () =>
    spec
      .given([planned])
      .when(holdPlanned([chair], [], new Set()))
      .thenRejects(PersonNotRegistered));
  it("rejects being held on a day after today (meeting-held-in-future)", () =>
    spec
      .given([planned])
      .when(holdPlanned([chair], [], everyone, "2024-11-27"))
      .thenRejects(MeetingHeldInFuture, "2024-11-28"));
  it("rejects being held twice", () =>
    spec
      .given([planned, heldAsPlanned])
      .when(holdPlanned([chair], []))
      .thenRejects(MeetingAlreadyHeld));
  it("is not approved by minutes approved before it was held (a broken stream)", () =>
    spec
      .given([planned, { type: "MinutesApproved", data: { on: "2024-11-28" } }])
      .when({ type: "RecordComment", data: { topic: "Budget", comment: "Bra" } })
      .thenRejects(MeetingNotYetHeld));
  it.each<MeetingCommand>([
    { type: "RecordDecision", data: { decisionId, subject: "Budget", decision: "Godkänns", kind: "budget" } },
    { type: "RecordComment", data: { topic: "Budget", comment: "Bra" } },
    { type: "ApproveMinutes", data: { on: "2024-11-28" } },
    { type: "AdjustMinutes", data: { adjusterId: adjusterA, on: "2024-11-28" } },
    { type: "ReportDelegationDecisions", data: { decisions: [{ initiativeId, revision: 7 }], delegationDecisions: new Set() } },
  ])("takes no $type before it is held", (command) => spec.given([planned]).when(command).thenRejects(MeetingNotYetHeld));
});
