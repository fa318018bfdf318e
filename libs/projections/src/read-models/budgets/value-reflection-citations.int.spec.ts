import { randomUUID } from "node:crypto";
import { budgetStream } from "#domain";
import { describe, expect, it } from "vitest";
import { type Payload, useProjectionHarness } from "../../../testing/projection-harness.js";
import { budgetsProjection } from "./projection.js";
import { budget } from "./queries.js";

const harness = useProjectionHarness([budgetsProjection]);
const focusArea = "alla-barn-och-unga-lyckas";
const stream = budgetStream(focusArea, 2025);

describe("budgets: value reflections citing goals and readings", () => {
  it("shows what each reflection cites, and nothing for one recorded before citations, as known at asOf", async () => {
    const initiativeId = randomUUID();
    const goalId = randomUUID();
    const readingId = randomUUID();
    const at = (recordedAt: string) => ({ recordedAt });
    await harness.append(
      stream,
      "BudgetProposed",
      { year: 2025, lines: [{ lineId: randomUUID(), purpose: "Samordning", amountSek: 1 }] } as Payload<"BudgetProposed">,
      at("2024-09-05T09:00:00.000Z"),
    );
    const reflect = (data: object, recordedAt: string) =>
      harness.append(stream, "ValueReflectionRecorded", data as Payload<"ValueReflectionRecorded">, at(recordedAt));
    await reflect({ reflection: "Värt det", valueRating: 3, on: "2025-06-15" }, "2025-06-15T09:00:00.000Z");
    await reflect(
      { initiativeId, reflection: "Fler barn", valueRating: 4, on: "2025-12-15", goalIds: [goalId], readingIds: [readingId] },
      "2025-12-15T09:00:00.000Z",
    );
    await harness.sync();
    expect(budget(harness.db, focusArea, 2025)?.reflections).toEqual([
      { initiativeId: null, reflection: "Värt det", valueRating: 3, on: "2025-06-15", goalIds: [], readingIds: [] },
      { initiativeId, reflection: "Fler barn", valueRating: 4, on: "2025-12-15", goalIds: [goalId], readingIds: [readingId] },
    ]);
    expect(budget(harness.db, focusArea, 2025, { asOf: "2025-12-01T00:00:00.000Z" })?.reflections).toHaveLength(1);
  });
});
