import { randomUUID } from "node:crypto";
import { type InitiativeId, type IsoDate, type MandateChanges, type MandateId, addDays, initiativeStream } from "#domain";
import { describe, expect, it } from "vitest";
import { type ProjectionHarness, useRecordedHistory } from "../../../testing/projection-harness.js";
import { signalInboxProjection } from "../signal-inbox/projection.js";
import { mandateHistoryProjection } from "./projection.js";
import { type MandateVersion, mandateHistory, mandateInForce } from "./queries.js";

/**
 * Issue #19, as a property: for random histories of grants, amendments (backdated and not),
 * renewals and revocations, that keep the mandate rules, every history row agrees with the
 * overview. The terms a row claims for a day are the overview's for that day as known at the
 * row's recording instant; and as known later, they hold on each claimed day before the row's
 * supersededFrom, and not on that day. A small seeded generator: a failure names its seed.
 */
const SEED = 19;
const INITIATIVES = 60;

/** mulberry32: a small, good-enough PRNG, so a failing history can be replayed from its seed. */
function prng(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (low: number, high: number) => low + Math.floor(next() * (high - low + 1));
  const pick = <T>(items: ReadonlyArray<T>): T => items[int(0, items.length - 1)]!;
  return { next, int, pick };
}
type Random = ReturnType<typeof prng>;

interface Generated {
  readonly id: MandateId;
  readonly validFrom: IsoDate;
  validUntil: IsoDate | undefined;
  revokedFrom: IsoDate | undefined;
}

const terms = {
  scope: [{ id: "S1", text: "Läsning" }],
  boundaries: [{ id: "B1", text: "Inom skoltid" }],
  principles: [{ id: "P1", text: "Barnens bästa" }],
  steering: "broad" as const,
};
// Few values, so that amendments often name the same term, and sometimes leave it as it was.
const BUDGETS = [100, 200, 300];
// Without ids, as amendments recorded before clauses had ids read: the projection numbers them.
const SCOPES = [[{ text: "Läsning" }], [{ text: "Läsning" }, { text: "Skrivande" }], [{ text: "Skrivande" }]];

/** A day within the mandate's validity as now known (the rule effective-date-outside-validity). */
const dayWithin = (random: Random, mandate: Generated): IsoDate =>
  addDays(
    mandate.validFrom,
    random.int(0, mandate.validUntil === undefined ? 400 : daysBetween(mandate.validFrom, mandate.validUntil)),
  );
const daysBetween = (from: IsoDate, until: IsoDate) => Math.round((Date.parse(until) - Date.parse(from)) / 86_400_000);

function randomChanges(random: Random): MandateChanges {
  const changes: { budgetSek?: number; steering?: "broad" | "detailed"; scope?: Array<{ text: string }> } = {};
  if (random.next() < 0.7) changes.budgetSek = random.pick(BUDGETS);
  if (random.next() < 0.3) changes.steering = random.pick(["broad", "detailed"] as const);
  if (random.next() < 0.25 || Object.keys(changes).length === 0) changes.scope = random.pick(SCOPES);
  return changes;
}

let clock = Date.parse("2025-01-01T00:00:00.000Z");
const nextInstant = () => new Date((clock += 60_000)).toISOString();

/** One initiative's history: each command keeps the rules its decider would check. */
async function generate(harness: ProjectionHarness, random: Random, initiativeId: InitiativeId): Promise<void> {
  const stream = initiativeStream(initiativeId);
  const mandates: Generated[] = [];
  const options = () => ({ recordedAt: nextInstant(), actorId: random.pick(["karin", "olle"]) });
  const grant = async (validFrom: IsoDate) => {
    const mandate: Generated = {
      id: randomUUID() as MandateId,
      validFrom,
      validUntil: random.next() < 0.8 ? addDays(validFrom, random.int(30, 400)) : undefined,
      revokedFrom: undefined,
    };
    mandates.push(mandate);
    await harness.append(
      stream,
      "MandateGranted",
      {
        mandateId: mandate.id,
        ...terms,
        validFrom,
        ...(mandate.validUntil === undefined ? {} : { validUntil: mandate.validUntil }),
        ...(random.next() < 0.8 ? { budgetSek: random.pick(BUDGETS) } : {}),
      },
      options(),
    );
  };
  await grant(addDays("2025-01-01", random.int(0, 60)));
  const commands = random.int(3, 30);
  for (let i = 0; i < commands; i++) {
    const latest = mandates.at(-1)!;
    const open = mandates.filter((mandate) => mandate.revokedFrom === undefined);
    const roll = random.next();
    if (roll < 0.12 && (latest.revokedFrom !== undefined || latest.validUntil !== undefined)) {
      // mandates-overlap: the next mandate begins after the latest one's last day in force.
      const lastDay = [latest.validUntil, latest.revokedFrom && addDays(latest.revokedFrom, -1)]
        .filter((day): day is IsoDate => day !== undefined)
        .sort()[0]!;
      await grant(addDays(lastDay < latest.validFrom ? latest.validFrom : lastDay, random.int(1, 60)));
    } else if (roll < 0.27 && latest.revokedFrom === undefined && latest.validUntil !== undefined) {
      latest.validUntil = addDays(latest.validUntil, random.int(1, 200));
      await harness.append(stream, "MandateRenewed", { mandateId: latest.id, validUntil: latest.validUntil }, options());
    } else if (roll < 0.37 && open.length > 0) {
      const mandate = random.pick(open);
      mandate.revokedFrom = dayWithin(random, mandate);
      await harness.append(
        stream,
        "MandateRevoked",
        { mandateId: mandate.id, reason: "Avslutas", effectiveFrom: mandate.revokedFrom },
        options(),
      );
    } else if (open.length > 0) {
      // Mostly the latest mandate; the effective day anywhere in its validity, so often backdated.
      const mandate = random.next() < 0.8 && latest.revokedFrom === undefined ? latest : random.pick(open);
      await harness.append(
        stream,
        "MandateAmended",
        { mandateId: mandate.id, changes: randomChanges(random), reason: "Beslut", effectiveFrom: dayWithin(random, mandate) },
        options(),
      );
    }
  }
}

const initiatives: Array<{ readonly id: InitiativeId; readonly seed: number }> = [];
const harness = useRecordedHistory([mandateHistoryProjection, signalInboxProjection], async (h) => {
  for (let n = 0; n < INITIATIVES; n++) {
    const seed = SEED * 1_000 + n;
    const id = randomUUID() as InitiativeId;
    initiatives.push({ id, seed });
    await generate(h, prng(seed), id);
  }
});

/** The days a row says its terms hold (docs/domain.md): effectiveFrom through termsUntil, while in force by its validity. */
function claimedDays(row: MandateVersion): { from: IsoDate; until: IsoDate | undefined } | undefined {
  const ends = [row.termsUntil, row.validUntil, row.revokedFrom && addDays(row.revokedFrom, -1)].filter(
    (day): day is IsoDate => day !== null,
  );
  const until = ends.sort()[0];
  return until !== undefined && until < row.effectiveFrom ? undefined : { from: row.effectiveFrom, until };
}

/** The first and last claimed days, and a few between (up to `before`, exclusive, when given). */
function sampleDays(random: Random, from: IsoDate, until: IsoDate | undefined, before?: IsoDate): IsoDate[] {
  const last = before !== undefined ? addDays(before, -1) : (until ?? addDays(from, 500));
  if (last < from) return [];
  const span = daysBetween(from, last);
  return [from, last, ...Array.from({ length: 3 }, () => addDays(from, random.int(0, span)))];
}

const termsOf = (row: MandateVersion) => ({
  mandateId: row.mandateId,
  scope: row.scope,
  boundaries: row.boundaries,
  principles: row.principles,
  // The ids as well: the history's reading and the overview's number the clauses alike.
  clauses: row.clauses.map(({ id, text }) => ({ id, text })),
  steering: row.steering,
  budgetSek: row.budgetSek,
});
const inForceTerms = (initiativeId: string, at: IsoDate, asOf: string | undefined) => {
  const mandate = mandateInForce(harness.db, initiativeId, asOf === undefined ? { at } : { at, asOf });
  return mandate && { ...termsOf({ ...mandate } as MandateVersion) };
};

describe("every history row agrees with the overview (seeded random histories)", () => {
  it("generated histories with backdated amendments, renewals, revocations and several mandates", () => {
    const rows = initiatives.flatMap(({ id }) => mandateHistory(harness.db, id));
    const count = (change: string) => rows.filter((row) => row.change === change).length;
    expect(count("amended")).toBeGreaterThan(200);
    expect(count("renewed")).toBeGreaterThan(30);
    expect(count("revoked")).toBeGreaterThan(30);
    expect(rows.filter((row) => row.change === "granted" && row.version === 1).length).toBeGreaterThan(INITIATIVES);
    expect(rows.filter((row) => row.termsUntil !== null).length).toBeGreaterThan(30);
    expect(rows.filter((row) => row.supersededFrom !== null && row.supersededFrom > row.effectiveFrom).length).toBeGreaterThan(
      30,
    );
  });

  it("the terms a row claims for a day are the overview's for that day as known when the row was recorded", () => {
    let checked = 0;
    for (const { id, seed } of initiatives) {
      const random = prng(seed + 7);
      for (const row of mandateHistory(harness.db, id)) {
        const claimed = claimedDays(row);
        if (claimed === undefined) continue;
        for (const day of sampleDays(random, claimed.from, claimed.until)) {
          expect(
            inForceTerms(id, day, row.recordedAt),
            `seed ${seed}, version ${row.version} of ${row.mandateId}, ${day}`,
          ).toEqual(termsOf(row));
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(1_000);
  });

  it("as known at any later instant, a row's terms hold on its claimed days before supersededFrom, and not on it", () => {
    let superseded = 0;
    for (const { id, seed } of initiatives) {
      const random = prng(seed + 11);
      const all = mandateHistory(harness.db, id);
      // As known now, and at an instant between two of the initiative's events.
      for (const asOf of [undefined, all[random.int(0, all.length - 1)]!.recordedAt]) {
        for (const row of mandateHistory(harness.db, id, asOf === undefined ? {} : { asOf })) {
          const claimed = claimedDays(row);
          if (claimed === undefined) {
            expect(row.supersededFrom, `seed ${seed}, version ${row.version}: claims no day`).toBeNull();
            continue;
          }
          const where = `seed ${seed}, version ${row.version} of ${row.mandateId}, asOf ${asOf ?? "now"}`;
          for (const day of sampleDays(random, claimed.from, claimed.until, row.supersededFrom ?? undefined)) {
            expect(inForceTerms(id, day, asOf), `${where}, ${day}`).toEqual(termsOf(row));
          }
          if (row.supersededFrom !== null) {
            superseded++;
            expect(
              row.supersededFrom >= claimed.from && (claimed.until === undefined || row.supersededFrom <= claimed.until),
              where,
            ).toBe(true);
            expect(inForceTerms(id, row.supersededFrom, asOf), `${where}, ${row.supersededFrom}`).not.toEqual(termsOf(row));
          }
        }
      }
    }
    expect(superseded).toBeGreaterThan(50);
  });
});
