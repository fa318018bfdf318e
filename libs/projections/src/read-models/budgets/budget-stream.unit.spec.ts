import { budgetStream } from "#domain";
import { describe, expect, it } from "vitest";
import { parseBudgetStream } from "./budget-stream.js";

describe("parseBudgetStream", () => {
  it("takes the year from the last part, leaving the dashes of the focus area in place", () => {
    expect(parseBudgetStream(budgetStream("alla-barn-och-unga-lyckas", 2025))).toEqual({
      focusArea: "alla-barn-och-unga-lyckas",
      year: 2025,
    });
    expect(parseBudgetStream("budget-halsa-2024")).toEqual({ focusArea: "halsa", year: 2024 });
  });

  it.each(["budget-2025", "budget-halsa", "budget-halsa-25", "meeting-halsa-2025", "halsa-2025"])("refuses %s", (streamId) => {
    expect(() => parseBudgetStream(streamId)).toThrow(/not a budget stream/);
  });
});
