import { describe, it } from "vitest";
import { deciderSpec } from "../../testing/decider-spec.js";
import { InitiativeNotRegistered } from "../initiative/errors.js";
import type { IndicatorReadingId } from "../initiative/indicator-reading.js";
import type { BudgetLineId, GoalId, InitiativeId } from "../shared/schema-primitives.js";
import type { BudgetCommand } from "./commands.js";
import { budgetDecider } from "./decider.js";
import { CitationNotFound } from "./errors.js";
import type { BudgetEvent } from "./events.js";

const spec = deciderSpec(budgetDecider);
const initiativeId = "3c2b1a09-8f7e-4d6c-9b5a-4e3d2c1b0a01" as InitiativeId;
const goalId = "2a1b0c9d-8e7f-4a6b-9c5d-4e3f2a1b0c01" as GoalId;
const readingId = "9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b01" as IndicatorReadingId;
const proposed: BudgetEvent = {
  type: "BudgetProposed",
  data: {
    year: 2025,
    lines: [{ lineId: "1d2c3b4a-5f6e-4a8b-9c0d-1e2f3a4b0001" as BudgetLineId, purpose: "Samordning", amountSek: 1 }],
  },
};
const reflection = {
  initiativeId,
  reflection: "Fler barn deltar varje vecka",
  valueRating: 4,
  on: "2025-12-15",
  goalIds: [goalId],
  readingIds: [readingId],
};
const reflect = (facts: { citationsNotFound: ReadonlyArray<string>; unregisteredInitiatives?: ReadonlyArray<InitiativeId> }) =>
  ({ type: "RecordValueReflection", data: { ...reflection, unregisteredInitiatives: [], ...facts } }) as BudgetCommand;

describe("RecordValueReflection citing goals and indicator readings", () => {
  it("records the goals and readings it cites", () =>
    spec
      .given([proposed])
      .when(reflect({ citationsNotFound: [] }))
      .then([{ type: "ValueReflectionRecorded", data: reflection }]));
  it("rejects a cited goal or reading that is not the initiative's, naming it", () =>
    spec
      .given([proposed])
      .when(reflect({ citationsNotFound: [readingId] }))
      .thenRejects(CitationNotFound, readingId, initiativeId));
  it("checks the initiative first", () =>
    spec
      .given([proposed])
      .when(reflect({ citationsNotFound: [readingId], unregisteredInitiatives: [initiativeId] }))
      .thenRejects(InitiativeNotRegistered));
});
