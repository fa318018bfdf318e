import { describe, expect, it } from "vitest";
import { deciderSpec } from "../../testing/decider-spec.js";
import type { GoalId, MandateId, OrganisationId } from "../shared/schema-primitives.js";
import type { InitiativeCommand } from "./commands.js";
import { initiativeDecider } from "./decider.js";
import { GoalNotFound, IndicatorReadingInFuture, InitiativeClosed } from "./errors.js";
import type { InitiativeEvent } from "./events.js";
import { type IndicatorReadingId, indicatorReadingRecorded } from "./indicator-reading.js";

const spec = deciderSpec(initiativeDecider);
const goalId = "2a1b0c9d-8e7f-4a6b-9c5d-4e3f2a1b0c01" as GoalId;
const otherGoal = "2a1b0c9d-8e7f-4a6b-9c5d-4e3f2a1b0c02" as GoalId;
const readingId = "9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b01" as IndicatorReadingId;
const today = "2025-06-10";

const registered: InitiativeEvent = {
  type: "InitiativeRegistered",
  data: {
    name: "Drömfabriken i Skultuna",
    focusArea: "alla-barn-och-unga-lyckas" as never,
    description: "",
    organisationIds: ["4d3c2b1a-0f9e-4d8c-8b7a-6f5e4d3c2b01" as OrganisationId],
  },
};
const goalSet: InitiativeEvent = {
  type: "GoalSet",
  data: { goalId, statement: "Fler barn deltar i fritidsverksamhet", indicator: "Antal barn som deltar varje vecka" },
};
const reading = { goalId, readingId, value: 42, unit: "barn per vecka", on: "2025-06-01" } as const;
const record = (data: Partial<typeof reading> | { on: string } = {}) =>
  ({ type: "RecordIndicatorReading", data: { ...reading, ...data, today } }) as InitiativeCommand;

describe("RecordIndicatorReading", () => {
  it("records a reading of a goal's indicator", () =>
    spec
      .given([registered, goalSet])
      .when(record())
      .then([{ type: "IndicatorReadingRecorded", data: reading }]));
  it("records a reading dated today", () =>
    spec
      .given([registered, goalSet])
      .when(record({ on: today }))
      .then([{ type: "IndicatorReadingRecorded", data: { ...reading, on: today } }]));
  it("records a reading of an achieved goal", () =>
    spec
      .given([registered, goalSet, { type: "GoalAchieved", data: { goalId, evidence: "Målet nått", on: "2025-05-01" } }])
      .when(record())
      .then([{ type: "IndicatorReadingRecorded", data: reading }]));
  it("rejects a goal the initiative does not have", () =>
    spec
      .given([registered, goalSet])
      .when(record({ goalId: otherGoal }))
      .thenRejects(GoalNotFound, otherGoal));
  it("rejects a reading dated after today", () =>
    spec
      .given([registered, goalSet])
      .when(record({ on: "2025-06-11" }))
      .thenRejects(IndicatorReadingInFuture, "2025-06-11", today));
  it("leaves the initiative as it was: another reading, and an open-ended mandate, follow", () => {
    const recorded: InitiativeEvent = { type: "IndicatorReadingRecorded", data: reading };
    const readingId2 = "9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b02" as IndicatorReadingId;
    spec
      .given([registered, goalSet, recorded])
      .when(record({ readingId: readingId2 }))
      .then([{ type: "IndicatorReadingRecorded", data: { ...reading, readingId: readingId2 } }]);
    // Were the reading folded as a mandate, that mandate would be in force on every day.
    const mandate = {
      mandateId: "5e4d3c2b-1a09-4f8e-9d7c-6b5a4e3d2c01" as MandateId,
      steering: "broad" as const,
      validFrom: "2025-07-01",
    };
    const stated = { scope: [{ text: "Fritidsverksamhet" }], boundaries: [{ text: "Inom budget" }], principles: [] };
    const numbered = {
      scope: [{ id: "S1", text: "Fritidsverksamhet" }],
      boundaries: [{ id: "B1", text: "Inom budget" }],
      principles: [],
    };
    spec
      .given([registered, goalSet, recorded])
      .when({ type: "GrantMandate", data: { ...mandate, ...stated, decisionFound: true } } as InitiativeCommand)
      .then([{ type: "MandateGranted", data: { ...mandate, ...numbered } }]);
  });
  it("rejects a closed initiative", () =>
    spec
      .given([registered, goalSet, { type: "InitiativeClosed", data: { reason: "Klart", on: "2025-06-05" } }])
      .when(record())
      .thenRejects(InitiativeClosed));
});

describe("a reading's value is a finite number with a unit (event schema)", () => {
  const parse = (data: Record<string, unknown>) => indicatorReadingRecorded.schema.safeParse({ ...reading, ...data }).success;
  it.each([0, -3.5, 1_000_000])("accepts %d", (value) => expect(parse({ value })).toBe(true));
  it.each([Number.POSITIVE_INFINITY, Number.NaN])("rejects %d", (value) => expect(parse({ value })).toBe(false));
  it("rejects an empty unit", () => expect(parse({ unit: " " })).toBe(false));
});
