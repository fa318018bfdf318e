import { describe, expect, it } from "vitest";
import type { MandateId } from "../shared/schema-primitives.js";
import { type MandateEvent, type RecordedMandateEvent, daysClaimed, mandateHistoryRows } from "./mandate-history.js";

const mandateId = "00000000-0000-4000-8000-000000000001" as MandateId;
const otherId = "00000000-0000-4000-8000-000000000002" as MandateId;

const terms = {
  scope: [{ id: "S1", text: "Läsning" }],
  boundaries: [{ id: "B1", text: "Inom skoltid" }],
  principles: [{ id: "P1", text: "Barnens bästa" }],
  steering: "broad" as const,
};

let clock = 0;
/** Events in recording order, one minute apart, recorded by "core". */
const recorded = (...events: MandateEvent[]): RecordedMandateEvent[] =>
  events.map((event) => ({ event, recordedAt: new Date(Date.UTC(2025, 0, 1, 0, ++clock)).toISOString(), recordedBy: "core" }));

const grant = (data: { validFrom: string; validUntil?: string; budgetSek?: number }, id = mandateId): MandateEvent => ({
  type: "MandateGranted",
  data: { mandateId: id, ...terms, ...data },
});
const amend = (effectiveFrom: string, changes: Record<string, unknown>, id = mandateId): MandateEvent => ({
  type: "MandateAmended",
  data: { mandateId: id, changes, reason: "Beslut", effectiveFrom },
});
const renew = (validUntil: string): MandateEvent => ({ type: "MandateRenewed", data: { mandateId, validUntil } });
const revoke = (effectiveFrom: string): MandateEvent => ({
  type: "MandateRevoked",
  data: { mandateId, reason: "Avslutas", effectiveFrom },
});

const budgets = (rows: ReturnType<typeof mandateHistoryRows>) =>
  rows.map((row) => ({
    version: row.version,
    effectiveFrom: row.effectiveFrom,
    budgetSek: row.terms.budgetSek,
    termsUntil: row.termsUntil,
    supersededFrom: row.supersededFrom,
  }));

describe("mandateHistoryRows: issue #19, an amendment recorded after another but effective before it", () => {
  const events = recorded(
    grant({ validFrom: "2025-01-01", validUntil: "2025-12-31", budgetSek: 100 }),
    amend("2025-06-01", { budgetSek: 200 }),
    amend("2025-03-01", { budgetSek: 300 }),
  );

  it("shows each row's terms from its effectiveFrom as known when recorded, and where later changes superseded them", () => {
    expect(budgets(mandateHistoryRows(events))).toEqual([
      { version: 1, effectiveFrom: "2025-01-01", budgetSek: 100, termsUntil: undefined, supersededFrom: "2025-03-01" },
      { version: 2, effectiveFrom: "2025-06-01", budgetSek: 200, termsUntil: undefined, supersededFrom: undefined },
      { version: 3, effectiveFrom: "2025-03-01", budgetSek: 300, termsUntil: "2025-05-31", supersededFrom: undefined },
    ]);
  });

  it("as known before the backdated amendment, the grant is superseded from the first amendment's day", () => {
    expect(budgets(mandateHistoryRows(events.slice(0, 2)))).toEqual([
      { version: 1, effectiveFrom: "2025-01-01", budgetSek: 100, termsUntil: undefined, supersededFrom: "2025-06-01" },
      { version: 2, effectiveFrom: "2025-06-01", budgetSek: 200, termsUntil: undefined, supersededFrom: undefined },
    ]);
  });

  it("places an amendment effective between two earlier ones, one later and one earlier, on its own day", () => {
    const [, , , fourth] = mandateHistoryRows([...events, ...recorded(amend("2025-04-01", { budgetSek: 400 }))]);
    expect(fourth).toMatchObject({ effectiveFrom: "2025-04-01", terms: { budgetSek: 400 }, termsUntil: "2025-05-31" });
  });

  it("has no rows without events", () => expect(mandateHistoryRows([])).toEqual([]));

  it("gives an amendment's terms before it, on its effectiveFrom as known just before it was recorded", () => {
    const [, second, third] = mandateHistoryRows(events);
    expect(second!.termsBefore?.budgetSek).toBe(100);
    expect(third!.termsBefore?.budgetSek).toBe(100);
  });

  it("keeps the change's own fields and who recorded it when", () => {
    const [first, second] = mandateHistoryRows(events);
    expect(first).toMatchObject({ mandateId, change: "granted", recordedBy: "core", recordedAt: events[0]!.recordedAt });
    expect(first!.changes).toBeUndefined();
    expect(first!.termsBefore).toBeUndefined();
    expect(second).toMatchObject({ change: "amended", changes: { budgetSek: 200 }, reason: "Beslut" });
    expect(second!.validity).toStrictEqual({ validFrom: "2025-01-01", validUntil: "2025-12-31" });
  });

  it("gives an open-ended mandate a validity without validUntil", () => {
    const [row] = mandateHistoryRows(recorded(grant({ validFrom: "2025-01-01" })));
    expect(row!.validity).toStrictEqual({ validFrom: "2025-01-01" });
    expect(daysClaimed(row!)).toStrictEqual({ from: "2025-01-01" });
  });
});

describe("mandateHistoryRows: amendments recorded without clause ids", () => {
  // Numbered as the fold goes, each as numberedChanges numbers it against the ones before it.
  const rows = mandateHistoryRows(
    recorded(
      grant({ validFrom: "2025-01-01" }),
      amend("2025-05-01", { scope: [{ text: "Läsning" }, { text: "Konst" }] }),
      amend("2025-06-01", { scope: [{ text: "Läsning" }] }),
      amend("2025-05-15", { scope: [{ text: "Konst" }, { text: "Musik" }] }),
      amend("2025-07-01", { scope: [{ text: "Konst" }] }),
    ),
  );
  const scopeIds = (version: number) => rows[version - 1]!.changes!.scope!.map((clause) => clause.id);

  it("carries the ids in force on a backdated amendment's own day, not the latest", () => {
    expect(scopeIds(2)).toEqual(["S1", "S2"]);
    expect(scopeIds(3)).toEqual(["S1"]);
    expect(scopeIds(4)).toEqual(["S2", "S3"]);
  });

  it("never gives a number again, not even one whose clause went", () => {
    // In force on 2025-07-01: Läsning (S1) alone, from 2025-06-01; S2 and S3 were used before.
    expect(scopeIds(5)).toEqual(["S4"]);
    expect(rows[4]!.termsBefore!.scope).toEqual([{ id: "S1", text: "Läsning" }]);
  });
});

describe("mandateHistoryRows: supersededFrom", () => {
  it("is the row's effectiveFrom when a backdated change of another term alters its first day", () => {
    const rows = mandateHistoryRows(
      recorded(
        grant({ validFrom: "2025-01-01", validUntil: "2025-12-31", budgetSek: 100 }),
        amend("2025-06-01", { budgetSek: 200 }),
        amend("2025-03-01", { steering: "detailed" }),
      ),
    );
    expect(rows[1]).toMatchObject({ effectiveFrom: "2025-06-01", supersededFrom: "2025-06-01" });
    expect(rows[1]!.terms).toEqual({ ...terms, budgetSek: 200 });
    expect(rows[2]!.terms).toEqual({ ...terms, steering: "detailed", budgetSek: 100 });
    expect(rows[2]!.termsUntil).toBe("2025-05-31");
  });

  it("is not set by a later change that leaves the terms as they were", () => {
    const rows = mandateHistoryRows(
      recorded(
        grant({ validFrom: "2025-01-01", validUntil: "2025-12-31", budgetSek: 100 }),
        amend("2025-03-01", { budgetSek: 100 }),
      ),
    );
    expect(rows.map((row) => row.supersededFrom)).toEqual([undefined, undefined]);
  });

  it("is not set by a change after the days a row claims", () => {
    const rows = mandateHistoryRows(
      recorded(
        grant({ validFrom: "2025-01-01", validUntil: "2025-12-31", budgetSek: 100 }),
        amend("2025-06-01", { budgetSek: 200 }),
        amend("2025-03-01", { budgetSek: 300 }),
        amend("2025-07-01", { budgetSek: 400 }),
      ),
    );
    expect(budgets(rows)[2]).toEqual({
      version: 3,
      effectiveFrom: "2025-03-01",
      budgetSek: 300,
      termsUntil: "2025-05-31",
      supersededFrom: undefined,
    });
    expect(rows[1]!.supersededFrom).toBe("2025-07-01");
  });

  it("is the first day a later revocation ends, and a revocation's own row claims no day", () => {
    const rows = mandateHistoryRows(
      recorded(grant({ validFrom: "2025-01-01", validUntil: "2025-12-31", budgetSek: 100 }), revoke("2025-08-01")),
    );
    expect(rows[0]!.supersededFrom).toBe("2025-08-01");
    expect(rows[1]).toMatchObject({ change: "revoked", effectiveFrom: "2025-08-01", reason: "Avslutas" });
    expect(rows[1]!.terms).toEqual({ ...terms, budgetSek: 100 });
    expect(rows[1]!.validity).toEqual({ validFrom: "2025-01-01", validUntil: "2025-12-31", revokedFrom: "2025-08-01" });
    expect(daysClaimed(rows[1]!)).toBeUndefined();
    expect(rows[1]!.supersededFrom).toBeUndefined();
  });

  it("is the row's first day when a later revocation takes effect before it", () => {
    const rows = mandateHistoryRows(
      recorded(
        grant({ validFrom: "2025-01-01", validUntil: "2025-12-31", budgetSek: 100 }),
        amend("2025-06-01", { budgetSek: 200 }),
        revoke("2025-03-01"),
      ),
    );
    expect(rows.map((row) => row.supersededFrom)).toEqual(["2025-03-01", "2025-06-01", undefined]);
  });

  it("is the last claimed day when a later change takes effect on it", () => {
    const amended = mandateHistoryRows(
      recorded(
        grant({ validFrom: "2025-01-01", validUntil: "2025-12-31", budgetSek: 100 }),
        amend("2025-12-31", { budgetSek: 2 }),
      ),
    );
    expect(amended[0]!.supersededFrom).toBe("2025-12-31");
    const revoked = mandateHistoryRows(
      recorded(grant({ validFrom: "2025-01-01", validUntil: "2025-12-31", budgetSek: 100 }), revoke("2025-12-31")),
    );
    expect(revoked[0]!.supersededFrom).toBe("2025-12-31");
  });

  it("is every row's first day when a later revocation leaves the mandate no day in force", () => {
    const rows = mandateHistoryRows(
      recorded(
        grant({ validFrom: "2025-01-01", validUntil: "2025-12-31", budgetSek: 100 }),
        amend("2025-06-01", { budgetSek: 200 }),
        revoke("2025-01-01"),
      ),
    );
    expect(rows.map((row) => row.supersededFrom)).toEqual(["2025-01-01", "2025-06-01", undefined]);
  });

  it("counts only the changes of the row's own mandate", () => {
    const rows = mandateHistoryRows(
      recorded(
        grant({ validFrom: "2025-01-01", validUntil: "2025-06-30", budgetSek: 100 }),
        grant({ validFrom: "2025-07-01", budgetSek: 5 }, otherId),
        amend("2025-08-01", { budgetSek: 6 }, otherId),
        amend("2025-03-01", { budgetSek: 300 }),
      ),
    );
    expect(rows.map((row) => [row.mandateId, row.version, row.terms.budgetSek, row.supersededFrom])).toEqual([
      [mandateId, 1, 100, "2025-03-01"],
      [otherId, 1, 5, "2025-08-01"],
      [otherId, 2, 6, undefined],
      [mandateId, 2, 300, undefined],
    ]);
  });
});

describe("mandateHistoryRows: renewal", () => {
  const events = recorded(
    grant({ validFrom: "2025-01-01", validUntil: "2025-06-30", budgetSek: 100 }),
    amend("2025-05-01", { budgetSek: 200 }),
    renew("2025-12-31"),
    amend("2025-09-01", { budgetSek: 300 }),
  );
  // Read inside each test, never while the tests are collected: a mutant must meet a test.
  const history = () => mandateHistoryRows(events);

  it("takes effect the day after the validUntil it replaced, with the terms in force that day", () => {
    const rows = history();
    expect(rows[2]).toMatchObject({ change: "renewed", effectiveFrom: "2025-07-01", terms: { ...terms, budgetSek: 200 } });
    expect(rows[2]!.validity).toEqual({ validFrom: "2025-01-01", validUntil: "2025-12-31" });
    expect(rows[2]!.termsBefore).toBeUndefined();
  });

  it("claims the days it adds until the terms next change; earlier rows claim only their own validity", () => {
    const rows = history();
    expect(daysClaimed(rows[2]!)).toEqual({ from: "2025-07-01", until: "2025-12-31" });
    expect(rows[2]!.supersededFrom).toBe("2025-09-01");
    expect(daysClaimed(rows[1]!)).toEqual({ from: "2025-05-01", until: "2025-06-30" });
    expect(rows[1]!.supersededFrom).toBeUndefined();
  });

  it("refuses a renewal of an open-ended mandate, and a change of a mandate never granted", () => {
    expect(() => mandateHistoryRows(recorded(grant({ validFrom: "2025-01-01" }), renew("2025-12-31")))).toThrow(/open-ended/);
    expect(() => mandateHistoryRows(recorded(amend("2025-03-01", { budgetSek: 1 })))).toThrow(/never granted/);
    expect(() => mandateHistoryRows(recorded(grant({ validFrom: "2025-01-01" }), grant({ validFrom: "2025-01-01" })))).toThrow(
      /granted twice/,
    );
  });
});

describe("daysClaimed", () => {
  const validity = { validFrom: "2025-01-01", validUntil: "2025-12-31" };
  it.each([
    [
      "through termsUntil",
      { effectiveFrom: "2025-03-01", termsUntil: "2025-05-31", validity },
      { from: "2025-03-01", until: "2025-05-31" },
    ],
    [
      "through validUntil without termsUntil",
      { effectiveFrom: "2025-03-01", validity },
      { from: "2025-03-01", until: "2025-12-31" },
    ],
    ["open-ended", { effectiveFrom: "2025-03-01", validity: { validFrom: "2025-01-01" } }, { from: "2025-03-01" }],
    [
      "until the day before revokedFrom",
      { effectiveFrom: "2025-03-01", validity: { ...validity, revokedFrom: "2025-04-01" } },
      { from: "2025-03-01", until: "2025-03-31" },
    ],
    [
      "none from revokedFrom on",
      { effectiveFrom: "2025-04-01", validity: { ...validity, revokedFrom: "2025-04-01" } },
      undefined,
    ],
    ["none after validUntil", { effectiveFrom: "2026-01-01", validity }, undefined],
    [
      "one day, where the terms change the next",
      { effectiveFrom: "2025-03-01", termsUntil: "2025-03-01", validity },
      { from: "2025-03-01", until: "2025-03-01" },
    ],
    [
      "none when revoked from validFrom",
      { effectiveFrom: "2025-01-01", validity: { ...validity, revokedFrom: "2025-01-01" } },
      undefined,
    ],
  ])("%s", (_what, row, expected) => expect(daysClaimed(row)).toStrictEqual(expected));
});
