import { describe, expect, it } from "vitest";
import { bandOf, termChanges, firstDayOfCombinedTerms, isBackdated, versionBefore } from "./story";
import type { StoryVersion } from "./types";

// The mandate's story worked out from its versions (docs/domain.md "Mandates in valid time").

const version = (fields: Partial<StoryVersion> & Pick<StoryVersion, "version" | "change" | "effectiveFrom">): StoryVersion => ({
  mandateId: "m",
  clauses: [],
  steering: "broad",
  budgetSek: null,
  termsUntil: null,
  supersededFrom: null,
  validFrom: "2025-01-01",
  validUntil: "2025-12-31",
  revokedFrom: null,
  changes: null,
  reason: null,
  triggeredBy: null,
  recordedAt: `${fields.effectiveFrom}T08:00:00Z`,
  recordedBy: "someone",
  decision: null,
  ...fields,
});

const clause = (id: string, text: string) => ({ id, text, signals: { within: 0, "at-edge": 0, beyond: 0 } });

describe("the days a version's terms held", () => {
  // domain.md's example: granted for 2025; amended from 1 June; then, recorded later, from 1 March.
  const granted = version({ version: 1, change: "granted", effectiveFrom: "2025-01-01", supersededFrom: "2025-03-01" });
  const june = version({ version: 2, change: "amended", effectiveFrom: "2025-06-01", recordedAt: "2025-02-01T08:00:00Z" });
  const march = version({
    version: 3,
    change: "amended",
    effectiveFrom: "2025-03-01",
    termsUntil: "2025-05-31",
    recordedAt: "2025-03-20T08:00:00Z",
  });

  it("end the day before a later change took over, and claimed the rest when recorded", () => {
    expect(bandOf(granted)).toEqual({ from: "2025-01-01", until: "2025-02-28", claimedUntil: "2025-12-31" });
    expect(bandOf(june)).toEqual({ from: "2025-06-01", until: "2025-12-31", claimedUntil: "2025-12-31" });
    expect(bandOf(march)).toEqual({ from: "2025-03-01", until: "2025-05-31", claimedUntil: "2025-05-31" });
  });

  it("run on while an open-ended mandate holds, and stop the day before a revocation", () => {
    expect(bandOf(version({ version: 1, change: "granted", effectiveFrom: "2025-01-01", validUntil: null })).until).toBeNull();
    expect(bandOf(version({ version: 1, change: "granted", effectiveFrom: "2025-01-01", revokedFrom: "2025-04-01" })).until).toBe(
      "2025-03-31",
    );
    const revocation = bandOf(version({ version: 2, change: "revoked", effectiveFrom: "2025-04-01", revokedFrom: "2025-04-01" }));
    expect(revocation.until! < revocation.from).toBe(true);
  });

  it("a change recorded after the day it took effect is backdated, by the day in Stockholm", () => {
    expect(isBackdated(march)).toBe(true);
    expect(isBackdated(june)).toBe(false);
    // 23:30 UTC on 31 May is 1 June in Stockholm: the same day, not afterwards.
    expect(isBackdated({ ...june, recordedAt: "2025-05-31T23:30:00Z" })).toBe(false);
    expect(isBackdated({ ...june, recordedAt: "2025-06-01T22:30:00Z" })).toBe(true);
  });

  it("an amendment changed from the version that took effect last by its day", () => {
    const july = version({ version: 4, change: "amended", effectiveFrom: "2025-07-01" });
    expect(versionBefore([granted, june, march, july], july)?.version).toBe(2);
    expect(versionBefore([granted, june, march], march)?.version).toBe(1);
    expect(versionBefore([granted], granted)).toBeUndefined();
  });
});

describe("days whose terms no single version states", () => {
  const granted = version({ version: 1, change: "granted", effectiveFrom: "2025-01-01", supersededFrom: "2025-03-01" });
  const june = version({ version: 2, change: "amended", effectiveFrom: "2025-06-01", supersededFrom: "2025-06-01" });
  const march = version({ version: 3, change: "amended", effectiveFrom: "2025-03-01", termsUntil: "2025-05-31" });

  it("begin where a version recorded earlier was superseded from its first day by one taking effect before it", () => {
    expect(firstDayOfCombinedTerms([granted, june, march], "2025-08-01")).toBe("2025-06-01");
  });

  it("are none when each day in force is some version's", () => {
    const held = { ...june, supersededFrom: null };
    expect(firstDayOfCombinedTerms([granted, held, march], "2025-08-01")).toBeNull();
    expect(
      firstDayOfCombinedTerms(
        [version({ version: 1, change: "granted", effectiveFrom: "2025-01-01", validUntil: null })],
        "2025-08-01",
      ),
    ).toBeNull();
  });
});

describe("an amendment's clauses", () => {
  it("are reworded, added, removed or unchanged, by id", () => {
    const before = [
      clause("S1", "Driva mötesplatsen"),
      clause("S2", "Samarbeta"),
      clause("S3", "Gammalt"),
      clause("B1", "Inga anställningar"),
    ];
    const after = [
      { id: "S1", text: "Driva mötesplatsen, även över loven" },
      { id: "S2", text: "Samarbeta" },
      { id: "S4", text: "Nytt" },
    ];
    expect(termChanges(before, after, "scope")).toEqual([
      { kind: "reworded", id: "S1", before: "Driva mötesplatsen", after: "Driva mötesplatsen, även över loven" },
      { kind: "unchanged", id: "S2", text: "Samarbeta" },
      { kind: "added", id: "S4", after: "Nytt" },
      { kind: "removed", id: "S3", before: "Gammalt" },
    ]);
  });
});
