import { describe, expect, it } from "vitest";
import { type MandateTerms, termsOn } from "./mandate-terms.js";

const granted: MandateTerms = {
  scope: ["homework help"],
  boundaries: ["no new staff"],
  principles: ["pupils first"],
  steering: "broad",
  budgetSek: 100_000,
};

describe("termsOn", () => {
  const amendments = [
    { effectiveFrom: "2025-04-01", changes: { budgetSek: 150_000 }, order: 1 },
    { effectiveFrom: "2025-03-01", changes: { steering: "detailed" as const }, order: 2 },
    { effectiveFrom: "2025-04-01", changes: { budgetSek: 175_000 }, order: 3 },
  ];

  it("is the grant before any amendment takes effect", () => {
    expect(termsOn(granted, amendments, "2025-02-28")).toEqual(granted);
  });

  it("includes an amendment from the day it takes effect, even one recorded later", () => {
    expect(termsOn(granted, amendments, "2025-03-01")).toEqual({ ...granted, steering: "detailed" });
    expect(termsOn(granted, amendments, "2025-03-31")).toEqual({ ...granted, steering: "detailed" });
  });

  it("applies amendments effective the same day in the order they were recorded", () => {
    expect(termsOn(granted, amendments, "2025-04-01")).toEqual({ ...granted, steering: "detailed", budgetSek: 175_000 });
  });

  it("leaves out what an amendment does not change", () => {
    expect(termsOn(granted, [{ effectiveFrom: "2025-01-01", changes: { scope: ["tutoring"] }, order: 1 }], "2025-06-01")).toEqual(
      {
        ...granted,
        scope: ["tutoring"],
      },
    );
  });
});
