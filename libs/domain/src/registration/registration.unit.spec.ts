import { describe, expect, it } from "vitest";
import { deciderSpec } from "../../testing/decider-spec.js";
import type { DecisionId, MeetingId } from "../shared/schema-primitives.js";
import type { MeetingFact, RegistrationCommand } from "./commands.js";
import { registrationDecider } from "./decider.js";
import { DecisionNotFound, MeetingNotHeld, MeetingNotYetHeld } from "../meeting/errors.js";
import { RegistrationNumberAlreadyAssigned } from "./errors.js";
import type { RegisteredSubject, RegistrationEvent } from "./events.js";
import { formatRegistrationNumber, registrationSeriesProblem } from "./series.js";

const spec = deciderSpec(registrationDecider);
const september = "6f1a2b3c-4d5e-4f60-8a1b-2c3d4e5f6a01" as MeetingId;
const november = "6f1a2b3c-4d5e-4f60-8a1b-2c3d4e5f6a02" as MeetingId;
const budget = "5d1e8a2c-7b3f-4c9d-8e6a-1f2b3c4d5e01" as DecisionId;

const heldIn = (year: number, decisionIds: string[] = [budget]): MeetingFact => ({
  status: "held",
  heldOn: `${year}-09-19`,
  decisionIds: new Set(decisionIds),
});
const assign = (subject: RegisteredSubject, year = 2024, meeting: MeetingFact = heldIn(year)) =>
  ({
    type: "AssignRegistrationNumber",
    data: { subject, series: "SHK {year}/{n}", meeting },
  }) as const satisfies RegistrationCommand;
const assigned = (subject: RegisteredSubject, year: number, n: number, number = `SHK ${year}/${n}`): RegistrationEvent => ({
  type: "RegistrationNumberAssigned",
  data: { subject, year, n, number },
});

describe("AssignRegistrationNumber", () => {
  it("gives the first subject of a year number 1", () =>
    spec
      .given([])
      .when(assign({ meetingId: september }))
      .then([assigned({ meetingId: september }, 2024, 1)]));
  it("gives the next number of the year, without gaps, to minutes and decisions alike", () =>
    spec
      .given([assigned({ meetingId: september }, 2024, 1), assigned({ meetingId: november }, 2024, 2)])
      .when(assign({ meetingId: september, decisionId: budget }))
      .then([assigned({ meetingId: september, decisionId: budget }, 2024, 3)]));
  it("starts each year at 1", () =>
    spec
      .given([assigned({ meetingId: september }, 2024, 1)])
      .when(assign({ meetingId: november }, 2025))
      .then([assigned({ meetingId: november }, 2025, 1)]));
  it("keeps a number once given, even under a series changed since", () =>
    spec
      .given([assigned({ meetingId: september }, 2024, 1, "2024/1")])
      .when(assign({ meetingId: september }))
      .thenRejects(RegistrationNumberAlreadyAssigned));
  it("numbers in the year the meeting was held", () =>
    spec
      .given([assigned({ meetingId: november }, 2025, 1)])
      .when(assign({ meetingId: september }, 2024))
      .then([assigned({ meetingId: september }, 2024, 1)]));
  it("rejects a meeting that is not held: 404 through the API", () =>
    spec
      .given([])
      .when(assign({ meetingId: september }, 2024, { status: "not-held" }))
      .thenRejects(MeetingNotHeld));
  it("rejects a meeting only planned", () =>
    spec
      .given([])
      .when(assign({ meetingId: september }, 2024, { status: "planned" }))
      .thenRejects(MeetingNotYetHeld));
  it("rejects a decision the meeting did not record", () =>
    spec
      .given([])
      .when(assign({ meetingId: september, decisionId: budget }, 2024, heldIn(2024, [])))
      .thenRejects(DecisionNotFound));
  it("tells the minutes from a decision in them", () =>
    spec
      .given([assigned({ meetingId: september, decisionId: budget }, 2024, 1)])
      .when(assign({ meetingId: september }))
      .then([assigned({ meetingId: september }, 2024, 2)]));
});

describe("registration series", () => {
  it("formats the year and the running number", () => {
    expect(formatRegistrationNumber("SHK {year}/{n}", 2024, 12)).toBe("SHK 2024/12");
    expect(formatRegistrationNumber("Dnr {n}", 2024, 7)).toBe("Dnr 7");
  });
  it.each([
    ["SHK {year}/{n}", undefined],
    ["{n}-{year}", undefined],
    ["SHK {year}", "must contain {n} exactly once"],
    ["{n}/{n}", "must contain {n} exactly once"],
    ["{year}{year}{n}", "may contain {year} at most once"],
    ["{month}/{n}", "knows only {n} and {year}, not {month}"],
    ["SHK {n}}", "has a brace outside {n} and {year}"],
    ["  ", "must be 1 to 100 characters"],
  ])("%j: %s", (pattern, problem) => expect(registrationSeriesProblem(pattern)).toBe(problem));
});
