import { describe, it } from "vitest";
import { deciderSpec } from "../../testing/decider-spec.js";
import { heldOn19September as held, nextStepAgreed, nextStepId } from "../../testing/meeting-fixtures.js";
import type { NextStepId } from "../shared/schema-primitives.js";
import type { MeetingCommand } from "./commands.js";
import { meetingDecider } from "./decider.js";
import { NextStepClosed, NextStepClosedInFuture, NextStepDatedBeforeMeeting, NextStepNotFound } from "./errors.js";
import type { MeetingEvent } from "./events.js";

const spec = deciderSpec(meetingDecider);
const today = "2024-12-01";
const complete = (on: string, id: NextStepId = nextStepId) =>
  ({ type: "CompleteNextStep", data: { nextStepId: id, on, today } }) as const satisfies MeetingCommand;
const drop = (on: string) =>
  ({
    type: "DropNextStep",
    data: { nextStepId, on, reason: "Ersätts av ett möte i december", today },
  }) as const satisfies MeetingCommand;
const completed: MeetingEvent = { type: "NextStepCompleted", data: { nextStepId, on: "2024-11-28" } };
const approved: MeetingEvent = { type: "MinutesApproved", data: { on: "2024-09-26" } };

describe("CompleteNextStep", () => {
  it("marks an open next step done", () => spec.given([held, nextStepAgreed]).when(complete("2024-11-28")).then([completed]));
  it("is follow-up, not the minutes: approved minutes take it", () =>
    spec.given([held, nextStepAgreed, approved]).when(complete("2024-11-28")).then([completed]));
  it("may be dated on the meeting day and today", () =>
    spec
      .given([held, nextStepAgreed])
      .when(complete(today))
      .then([{ type: "NextStepCompleted", data: { nextStepId, on: today } }]));
  it("rejects a next step the minutes do not have", () =>
    spec
      .given([held, nextStepAgreed])
      .when(complete("2024-11-28", "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c99" as NextStepId))
      .thenRejects(NextStepNotFound, "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c99"));
  it("rejects a next step already done", () =>
    spec.given([held, nextStepAgreed, completed]).when(complete("2024-11-29")).thenRejects(NextStepClosed, "done"));
  it("rejects a next step done after the minutes were approved", () =>
    spec.given([held, nextStepAgreed, approved, completed]).when(complete("2024-11-29")).thenRejects(NextStepClosed, "done"));
  it("rejects a date before the meeting", () =>
    spec.given([held, nextStepAgreed]).when(complete("2024-09-18")).thenRejects(NextStepDatedBeforeMeeting, "2024-09-19"));
  it("rejects a date after today", () =>
    spec.given([held, nextStepAgreed]).when(complete("2024-12-02")).thenRejects(NextStepClosedInFuture, "2024-12-02", today));
});

describe("DropNextStep", () => {
  it("drops an open next step with its reason", () =>
    spec
      .given([held, nextStepAgreed])
      .when(drop("2024-11-01"))
      .then([{ type: "NextStepDropped", data: { nextStepId, on: "2024-11-01", reason: "Ersätts av ett möte i december" } }]));
  it("rejects a next step already done", () =>
    spec.given([held, nextStepAgreed, completed]).when(drop("2024-11-29")).thenRejects(NextStepClosed, "done"));
  it("rejects dropping a dropped one", () =>
    spec
      .given([held, nextStepAgreed, { type: "NextStepDropped", data: { nextStepId, on: "2024-11-01", reason: "Onödigt" } }])
      .when(drop("2024-11-02"))
      .thenRejects(NextStepClosed, "dropped"));
});
