import type { RecordedEvent } from "#event-store";
import { beforeAll, describe, expect, it } from "vitest";
import { timeline } from "./timeline.js";

const mandateId = "00000000-0000-4000-8000-0000aaaa0001";
const terms = { scope: [{ id: "S1", text: "Läsning" }], boundaries: [], principles: [], steering: "broad" };

let revision = 0;
const recorded = (type: string, data: Record<string, unknown>, actor = "karin"): RecordedEvent => ({
  eventId: `e${revision}`,
  type,
  schemaVersion: 1,
  streamId: "initiative-x",
  revision,
  position: ++revision,
  recordedAt: new Date(Date.UTC(2025, 0, 1, revision)).toISOString(),
  data,
  metadata: {
    actor: { id: actor, roles: ["core-team"] },
    commandId: "c",
    correlationId: "c",
    causationId: "c",
    hash: "",
    prevHash: "",
  },
});

// Issue #19: budget 100, amended to 200 from 1 June, then (recorded later) to 300 from 1 March.
const events = [
  recorded("InitiativeRegistered", { name: "Läslust", focusArea: "lasning", description: "", organisationIds: [] }),
  recorded("MandateGranted", { mandateId, ...terms, validFrom: "2025-01-01", validUntil: "2025-12-31", budgetSek: 100 }),
  recorded("MandateAmended", { mandateId, changes: { budgetSek: 200 }, reason: "Beslut", effectiveFrom: "2025-06-01" }),
  recorded("MandateAmended", { mandateId, changes: { budgetSek: 300 }, reason: "Rättelse", effectiveFrom: "2025-03-01" }, "olle"),
  recorded("MandateRenewed", { mandateId, validUntil: "2026-06-30" }),
];

describe("timeline: mandate events read as the mandate history reads them", () => {
  let entries: ReturnType<typeof timeline>;
  beforeAll(() => {
    entries = timeline(events, (id) => id.toUpperCase());
  });

  it("shows each amended term before and after on its effectiveFrom, as known when recorded", () => {
    expect(entries[2]!.change).toBe("mandate aaaa0001 amended from 2025-06-01 (Beslut): budgetSek 100 → 200");
    expect(entries[3]!.change).toBe(
      "mandate aaaa0001 amended from 2025-03-01 (Rättelse): budgetSek 100 → 300; these terms through 2025-05-31",
    );
  });

  it("says from which day a later-recorded change superseded a version's terms", () => {
    expect(entries[1]!.change).toBe(
      "mandate aaaa0001 granted 2025-01-01..2025-12-31; scope [S1 Läsning]; steering broad; 100 SEK; superseded from 2025-03-01 by a change recorded later",
    );
  });

  it("gives a renewal the day it takes effect, and the terms in force that day", () => {
    expect(entries[4]!.change).toBe("mandate aaaa0001 renewed until 2026-06-30, from 2026-01-01");
    expect(entries[4]!.mandateVersion?.terms.budgetSek).toBe(200);
  });

  it("carries each mandate event's history row, and nothing for other events", () => {
    expect(entries[0]).not.toHaveProperty("mandateVersion");
    expect(
      entries.slice(1).map((entry) => [entry.mandateVersion?.version, entry.mandateVersion?.recordedBy, entry.actor]),
    ).toEqual([
      [1, "karin", "KARIN"],
      [2, "karin", "KARIN"],
      [3, "olle", "OLLE"],
      [4, "karin", "KARIN"],
    ]);
  });

  it("reads the stream as given: before the backdated amendment, the grant is superseded from 1 June", () => {
    expect(timeline(events.slice(0, 3), String)[1]!.change).toMatch(/; superseded from 2025-06-01 by a change recorded later$/);
  });
});
