import { describe, it } from "vitest";
import { deciderSpec } from "../../testing/decider-spec.js";
import {
  adjustedBy,
  adjusterA,
  heldOn19September as held,
  initiativeId,
  officersAppointed,
} from "../../testing/meeting-fixtures.js";
import type { MeetingCommand } from "./commands.js";
import { meetingDecider } from "./decider.js";
import { DelegationDecisionNotFound, MinutesFrozen, MinutesUnderAdjustment } from "./errors.js";
import type { DelegationDecisionRef, MeetingEvent } from "./events.js";

const spec = deciderSpec(meetingDecider);
const amended: DelegationDecisionRef = { initiativeId, revision: 7 };
const renewed: DelegationDecisionRef = { initiativeId, revision: 9 };
const known = new Set([`${initiativeId}/7`, `${initiativeId}/9`]);
const report = (decisions: DelegationDecisionRef[], delegationDecisions: ReadonlySet<string> = known) =>
  ({ type: "ReportDelegationDecisions", data: { decisions, delegationDecisions } }) as const satisfies MeetingCommand;
const reported = (...decisions: DelegationDecisionRef[]): MeetingEvent => ({
  type: "DelegationDecisionsReported",
  data: { decisions },
});

describe("ReportDelegationDecisions", () => {
  it("records that the meeting was told of decisions taken between meetings", () =>
    spec
      .given([held])
      .when(report([amended, renewed]))
      .then([reported(amended, renewed)]));
  it("records each once: those reported already are left out", () =>
    spec
      .given([held, reported(amended)])
      .when(report([amended, renewed, renewed]))
      .then([reported(renewed)]));
  it("changes nothing when every one was reported already", () =>
    spec
      .given([held, reported(amended)])
      .when(report([amended]))
      .then([]));
  it("rejects what is not a mandate change made without a meeting decision", () =>
    spec
      .given([held])
      .when(report([amended], new Set([`${initiativeId}/9`])))
      .thenRejects(DelegationDecisionNotFound, `${initiativeId}/7`));
  it("is part of the minutes: not once an adjuster has adjusted", () =>
    spec
      .given([held, officersAppointed, adjustedBy(adjusterA)])
      .when(report([amended]))
      .thenRejects(MinutesUnderAdjustment));
  it("is part of the minutes: not after approval", () =>
    spec
      .given([held, { type: "MinutesApproved", data: { on: "2024-09-26" } }])
      .when(report([amended]))
      .thenRejects(MinutesFrozen));
});
