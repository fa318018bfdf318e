import { describe, it } from "vitest";
import { deciderSpec } from "../../testing/decider-spec.js";
import {
  adjustedBy,
  adjusterA,
  adjusterB,
  chair,
  decisionId,
  everyone,
  heldOn19September as held,
  member,
  officersAppointed,
  secretary,
} from "../../testing/meeting-fixtures.js";
import { PersonNotRegistered } from "../person/errors.js";
import type { PersonId } from "../shared/schema-primitives.js";
import type { MeetingCommand } from "./commands.js";
import { meetingDecider } from "./decider.js";
import {
  AdjustersNotDistinct,
  MinutesAlreadyApproved,
  MinutesApprovedByAdjusters,
  MinutesFrozen,
  MinutesNotApproved,
  MinutesUnderAdjustment,
  NoAdjustersAppointed,
  NotAnAdjuster,
  ParagraphNotOnAgenda,
} from "./errors.js";
import type { MeetingEvent } from "./events.js";

const spec = deciderSpec(meetingDecider);

const appoint = (adjusterIds: [PersonId, PersonId] = [adjusterA, adjusterB], registeredPeople = everyone) =>
  ({
    type: "AppointMeetingOfficers",
    data: { chairId: chair, secretaryId: secretary, adjusterIds, registeredPeople },
  }) as const satisfies MeetingCommand;
const adjust = (adjusterId: PersonId, on = "2024-09-26") =>
  ({ type: "AdjustMinutes", data: { adjusterId, on } }) as const satisfies MeetingCommand;
const decide = (paragraph?: number) =>
  ({
    type: "RecordDecision",
    data: {
      decisionId,
      subject: "Budget 2025",
      decision: "Budgeten godkänns",
      kind: "budget",
      ...(paragraph === undefined ? {} : { paragraph }),
    },
  }) as const satisfies MeetingCommand;
const correct = {
  type: "CorrectMinutes",
  data: { correction: "Rätt datum är 2024-11-28", reason: "Skrivfel" },
} as const satisfies MeetingCommand;

describe("AppointMeetingOfficers", () => {
  it("records the chair, the secretary and the two adjusters", () =>
    spec.given([held]).when(appoint()).then([officersAppointed]));
  it("replaces earlier officers before anyone adjusted", () =>
    spec
      .given([held, officersAppointed])
      .when(appoint([adjusterB, member]))
      .then([{ type: "MeetingOfficersAppointed", data: { ...officersAppointed.data, adjusterIds: [adjusterB, member] } }]));
  it("rejects the same person as both adjusters", () =>
    spec
      .given([held])
      .when(appoint([adjusterA, adjusterA]))
      .thenRejects(AdjustersNotDistinct, adjusterA));
  it("rejects an officer who is not registered", () =>
    spec
      .given([held])
      .when(appoint([adjusterA, adjusterB], new Set([chair, secretary, adjusterA])))
      .thenRejects(PersonNotRegistered));
  it("rejects a change once an adjuster has adjusted", () =>
    spec
      .given([held, officersAppointed, adjustedBy(adjusterA)])
      .when(appoint())
      .thenRejects(MinutesUnderAdjustment));
  it("rejects a change to approved minutes", () =>
    spec
      .given([held, { type: "MinutesApproved", data: { on: "2024-09-26" } }])
      .when(appoint())
      .thenRejects(MinutesFrozen));
});

describe("AdjustMinutes", () => {
  it("records one adjuster's adjustment", () =>
    spec
      .given([held, officersAppointed])
      .when(adjust(adjusterA))
      .then([adjustedBy(adjusterA)]));
  it("changes nothing when the same adjuster adjusts again", () =>
    spec
      .given([held, officersAppointed, adjustedBy(adjusterA)])
      .when(adjust(adjusterA))
      .then([]));
  it("records the second adjuster's adjustment, which approves the minutes", () =>
    spec
      .given([held, officersAppointed, adjustedBy(adjusterA)])
      .when(adjust(adjusterB, "2024-09-27"))
      .then([adjustedBy(adjusterB, "2024-09-27")]));
  it("rejects anyone but the two adjusters, the chair too", () =>
    spec.given([held, officersAppointed]).when(adjust(chair)).thenRejects(NotAnAdjuster, adjusterA, adjusterB));
  it("rejects adjusting minutes that have no adjusters", () =>
    spec.given([held]).when(adjust(adjusterA)).thenRejects(NoAdjustersAppointed));
  it("of minutes without adjusters (a broken stream) leaves them under adjustment, not approved", () =>
    spec
      .given([held, adjustedBy(adjusterA)])
      .when(decide())
      .thenRejects(MinutesUnderAdjustment));
  it("starts afresh on a second MeetingHeld (a broken stream): the earlier officers do not stay", () =>
    spec.given([held, officersAppointed, held]).when(adjust(adjusterA)).thenRejects(NoAdjustersAppointed));
  it("rejects adjusting once both have adjusted", () =>
    spec
      .given([held, officersAppointed, adjustedBy(adjusterA), adjustedBy(adjusterB)])
      .when(adjust(adjusterA))
      .thenRejects(MinutesAlreadyApproved));
});

describe("approval by the adjusters", () => {
  const bothAdjusted: MeetingEvent[] = [held, officersAppointed, adjustedBy(adjusterA), adjustedBy(adjusterB)];
  it("takes no addition once one adjuster has adjusted", () =>
    spec
      .given([held, officersAppointed, adjustedBy(adjusterA)])
      .when(decide())
      .thenRejects(MinutesUnderAdjustment));
  it("takes no correction while only one has adjusted: the minutes are not approved", () =>
    spec
      .given([held, officersAppointed, adjustedBy(adjusterA)])
      .when(correct)
      .thenRejects(MinutesNotApproved));
  it("freezes the minutes once both have adjusted", () => spec.given(bothAdjusted).when(decide()).thenRejects(MinutesFrozen));
  it("takes corrections once both have adjusted", () =>
    spec
      .given(bothAdjusted)
      .when(correct)
      .then([{ type: "MinutesCorrected", data: correct.data }]));
  it("refuses ApproveMinutes when the minutes have adjusters", () =>
    spec
      .given([held, officersAppointed])
      .when({ type: "ApproveMinutes", data: { on: "2024-09-26" } })
      .thenRejects(MinutesApprovedByAdjusters));
  it("keeps ApproveMinutes for minutes without adjusters", () =>
    spec
      .given([held])
      .when({ type: "ApproveMinutes", data: { on: "2024-09-26" } })
      .then([{ type: "MinutesApproved", data: { on: "2024-09-26" } }]));
});

describe("paragraph numbers (§) of decisions", () => {
  it("records a decision under an agenda item's §", () =>
    spec
      .given([held])
      .when(decide(2))
      .then([{ type: "DecisionRecorded", data: decide(2).data }]));
  it("records a decision under the last §", () =>
    spec
      .given([held])
      .when(decide(4))
      .then([{ type: "DecisionRecorded", data: decide(4).data }]));
  it("rejects a § beyond the agenda", () => spec.given([held]).when(decide(5)).thenRejects(ParagraphNotOnAgenda, "§ 4"));
  it("still records a decision without a §", () =>
    spec
      .given([held])
      .when(decide())
      .then([{ type: "DecisionRecorded", data: decide().data }]));
});
