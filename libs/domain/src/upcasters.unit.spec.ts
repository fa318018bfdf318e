import { describe, expect, it } from "vitest";
import { type InitiativeEvent, initiativeEvents } from "./initiative/events.js";
import { mandateHistoryRows } from "./initiative/mandate-history.js";
import { upcasters } from "./upcasters.js";

/** A payload as the store holds it at `fromVersion`, read in today's shape. */
const upcast = (type: string, fromVersion: number, data: unknown): unknown => {
  let payload = data;
  for (let version = fromVersion; ; version++) {
    const step = upcasters.find((candidate) => candidate.type === type && candidate.fromVersion === version);
    if (!step) return payload;
    payload = step.upcast(payload);
  }
};

const mandateId = "00000000-0000-4000-8000-000000000001";
const grantV1 = {
  mandateId,
  scope: ["Läxhjälp", "Fritidsgårdar"],
  boundaries: ["Inom skoltid"],
  principles: [],
  steering: "broad",
  validFrom: "2025-01-01",
};
const amendmentV1 = {
  mandateId,
  changes: { scope: ["Fritidsgårdar", "Sommarskola"], budgetSek: 5 },
  reason: "Beslut",
  effectiveFrom: "2025-03-01",
};

describe("upcasters", () => {
  it("numbers a version 1 grant's clauses in order, and the result is a valid grant of today", () => {
    const data = upcast("MandateGranted", 1, grantV1);
    expect(data).toEqual({
      ...grantV1,
      scope: [
        { id: "S1", text: "Läxhjälp" },
        { id: "S2", text: "Fritidsgårdar" },
      ],
      boundaries: [{ id: "B1", text: "Inom skoltid" }],
      principles: [],
    });
    expect(initiativeEvents.MandateGranted.schema.safeParse(data).success).toBe(true);
  });

  it("turns a version 1 amendment's strings into clauses without ids, leaving the other changes", () => {
    const data = upcast("MandateAmended", 1, amendmentV1);
    expect(data).toEqual({
      ...amendmentV1,
      changes: { scope: [{ text: "Fritidsgårdar" }, { text: "Sommarskola" }], budgetSek: 5 },
    });
    expect(initiativeEvents.MandateAmended.schema.safeParse(data).success).toBe(true);
  });

  it("leaves an amendment that changes no list as it was", () => {
    expect(upcast("MandateAmended", 1, { ...amendmentV1, changes: { budgetSek: 5 } })).toEqual({
      ...amendmentV1,
      changes: { budgetSek: 5 },
    });
  });

  it("reads a log written before clauses had ids as the same terms as before, now with ids", () => {
    const events = [
      { type: "MandateGranted", data: upcast("MandateGranted", 1, grantV1) },
      { type: "MandateAmended", data: upcast("MandateAmended", 1, amendmentV1) },
    ] as Extract<InitiativeEvent, { type: "MandateGranted" | "MandateAmended" }>[];
    const rows = mandateHistoryRows(events.map((event) => ({ event, recordedAt: "2025-01-01T00:00:00Z", recordedBy: "core" })));
    expect(rows[1]!.terms.scope).toEqual([
      { id: "S2", text: "Fritidsgårdar" },
      { id: "S3", text: "Sommarskola" },
    ]);
    expect(rows[1]!.changes).toEqual({
      scope: [
        { id: "S2", text: "Fritidsgårdar" },
        { id: "S3", text: "Sommarskola" },
      ],
      budgetSek: 5,
    });
  });
});
