import { setTimeout as sleep } from "node:timers/promises";
import { beforeAll, describe, expect, it } from "vitest";
import { type SeededInitiative, addDays, after, mandateBody, ok, seedInitiative, stockholmDate } from "./support/fixtures.js";
import { type ApiClient, serverForFile } from "./support/mandat-server.js";

/**
 * docs/domain.md "Time: two axes": `asOf` (recorded time) and `at` (valid time), at the edges.
 * A mandate valid 2025-01-01..2025-12-31 (scope A) is granted at tGrant, amended to scope B
 * from 2025-06-01 at tAmend and revoked from 2025-10-01 at tRevoke.
 */
let core: ApiClient;
let auditor: ApiClient;
let seeded: SeededInitiative;
let mandateId: string;
let tGrant: number;
let tAmend: number;
let tRevoke: number;

const SCOPE_A = ["Scope A"];
const SCOPE_B = ["Scope B"];

const iso = (ms: number) => new Date(ms).toISOString();

/** The recordedAt of the event a write appended, from the audit log. */
async function recordedAtOf(position: number): Promise<number> {
  const events = await auditor.get(`/api/v1/audit/events?fromPosition=${position}&limit=1`);
  expect(events.body[0].position).toBe(position);
  return Date.parse(events.body[0].recordedAt);
}

let overviewPath: string;
const mandateAt = async (at: string, asOf?: number | string) => {
  const query = new URLSearchParams({ at });
  if (asOf !== undefined) query.set("asOf", typeof asOf === "number" ? iso(asOf) : asOf);
  const response = await core.get(`${overviewPath}?${query}`);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body.mandate as { mandateId: string; scope: string[]; validFrom: string; validUntil: string | null } | null;
};
const historyAsOf = async (asOf?: number | string) => {
  const query = asOf === undefined ? "" : `?asOf=${encodeURIComponent(typeof asOf === "number" ? iso(asOf) : asOf)}`;
  return core.get(`/api/v1/initiatives/${seeded.initiativeId}/mandates${query}`);
};

serverForFile((started) => ({ core, auditor } = started));

beforeAll(async () => {
  seeded = await seedInitiative(core, "Tidsresan");
  overviewPath = `/api/v1/initiatives/${seeded.initiativeId}`;
  await sleep(5);
  const granted = ok(
    await core.post(
      `${overviewPath}/mandates`,
      mandateBody({ scope: SCOPE_A, validFrom: "2025-01-01", validUntil: "2025-12-31" }),
    ),
  );
  mandateId = granted.id;
  tGrant = await recordedAtOf(granted.position);
  await sleep(5);
  const amended = ok(
    await core.post(`${overviewPath}/mandates/${mandateId}/amendments`, {
      changes: { scope: SCOPE_B },
      reason: "Ny inriktning",
      effectiveFrom: "2025-06-01",
    }),
  );
  tAmend = await recordedAtOf(amended.position);
  await sleep(5);
  const revoked = ok(
    await core.post(`${overviewPath}/mandates/${mandateId}/revocation`, { reason: "Avslutas", effectiveFrom: "2025-10-01" }),
  );
  tRevoke = await recordedAtOf(revoked.position);
  // Everything read below is known to the read models.
  expect((await core.get(after(overviewPath, revoked.position))).status).toBe(200);
  expect(tGrant).toBeLessThan(tAmend);
  expect(tAmend).toBeLessThan(tRevoke);
});

describe("at (valid time), as known now", () => {
  it("the day before validFrom: no mandate; validFrom: the granted one", async () => {
    expect(await mandateAt("2024-12-31")).toBeNull();
    expect(await mandateAt("2025-01-01")).toMatchObject({
      mandateId,
      scope: SCOPE_A,
      validFrom: "2025-01-01",
      validUntil: "2025-12-31",
    });
  });

  it("an amendment holds from its effectiveFrom", async () => {
    expect((await mandateAt("2025-05-31"))?.scope).toEqual(SCOPE_A);
    expect((await mandateAt("2025-06-01"))?.scope).toEqual(SCOPE_B);
  });

  it("a revocation holds from its effectiveFrom", async () => {
    expect((await mandateAt("2025-09-30"))?.scope).toEqual(SCOPE_B);
    expect(await mandateAt("2025-10-01")).toBeNull();
    expect(await mandateAt("2025-12-31")).toBeNull();
  });
});

describe("asOf (recorded time) and at together", () => {
  it("an instant before the grant's recordedAt knows no mandate; an instant after knows it", async () => {
    expect(await mandateAt("2025-03-01", tGrant - 1)).toBeNull();
    expect((await mandateAt("2025-03-01", tGrant + 1))?.scope).toEqual(SCOPE_A);
  });

  it("before the revocation was recorded: in force through validUntil, not the day after", async () => {
    const known = tRevoke - 1;
    expect(await mandateAt("2024-12-31", known)).toBeNull();
    expect((await mandateAt("2025-01-01", known))?.scope).toEqual(SCOPE_A);
    expect((await mandateAt("2025-12-31", known))?.scope).toEqual(SCOPE_B);
    expect(await mandateAt("2026-01-01", known)).toBeNull();
    // After the revocation was recorded, the same day reads differently.
    expect((await mandateAt("2025-11-15", tRevoke - 1))?.scope).toEqual(SCOPE_B);
    expect(await mandateAt("2025-11-15", tRevoke + 1)).toBeNull();
  });

  it("the amendment: before its recordedAt the old terms hold on every day, after it the new ones", async () => {
    expect((await mandateAt("2025-07-01", tAmend - 1))?.scope).toEqual(SCOPE_A);
    expect((await mandateAt("2025-07-01", tAmend + 1))?.scope).toEqual(SCOPE_B);
    expect((await mandateAt("2025-05-31", tAmend + 1))?.scope).toEqual(SCOPE_A);
  });

  it("an instant with an offset is the same instant", async () => {
    // tGrant - 1 ms written as Stockholm winter time (+01:00).
    const local = new Date(tGrant - 1 + 3_600_000).toISOString().replace("Z", "+01:00");
    expect(await mandateAt("2025-03-01", local)).toBeNull();
    const localAfter = new Date(tGrant + 1 + 3_600_000).toISOString().replace("Z", "+01:00");
    expect((await mandateAt("2025-03-01", localAfter))?.scope).toEqual(SCOPE_A);
  });
});

describe("GET /initiatives/{id}/mandates?asOf", () => {
  it("holds the versions recorded by asOf, oldest first", async () => {
    const versions = async (asOf?: number) => {
      const response = await historyAsOf(asOf);
      expect(response.status).toBe(200);
      return (response.body as Array<{ scope: string[]; revokedFrom: string | null; recordedAt: string }>).map((v) => ({
        scope: v.scope,
        revokedFrom: v.revokedFrom,
        recordedAt: Date.parse(v.recordedAt),
      }));
    };
    expect(await versions(tGrant - 1)).toEqual([]);
    expect(await versions(tGrant + 1)).toEqual([{ scope: SCOPE_A, revokedFrom: null, recordedAt: tGrant }]);
    expect(await versions(tAmend - 1)).toHaveLength(1);
    expect((await versions(tAmend + 1)).map((v) => v.scope)).toEqual([SCOPE_A, SCOPE_B]);
    expect(await versions(tRevoke - 1)).toHaveLength(2);
    const all = await versions(tRevoke + 1);
    expect(all.map((v) => v.recordedAt)).toEqual([tGrant, tAmend, tRevoke]);
    expect(all[2]!.revokedFrom).toBe("2025-10-01");
    expect(await versions()).toEqual(all);
  });

  it("a date-only asOf means the end of that day in Stockholm", async () => {
    const day = stockholmDate(new Date(tRevoke));
    const dated = await historyAsOf(day);
    expect(dated.status).toBe(200);
    expect(dated.body).toHaveLength(3);
    // The same as the last instant of that Stockholm day, written with Stockholm's offset.
    const offset =
      new Date(tRevoke)
        .toLocaleString("sv-SE", { timeZone: "Europe/Stockholm", timeZoneName: "longOffset" })
        .match(/GMT([+-]\d{2}:\d{2})/)?.[1] ?? "+01:00";
    const endOfDay = await historyAsOf(`${day}T23:59:59.999${offset}`);
    expect(endOfDay.body).toEqual(dated.body);

    // The day before: the initiative itself was not yet known.
    const dayBefore = addDays(stockholmDate(new Date(tGrant)), -1);
    const earlier = await historyAsOf(dayBefore);
    expect(earlier.status).toBe(404);
    const list = await core.get(`/api/v1/initiatives?asOf=${dayBefore}`);
    expect(list.status).toBe(200);
    expect(list.body.map((i: { id: string }) => i.id)).not.toContain(seeded.initiativeId);
    const today = await core.get(`/api/v1/initiatives?asOf=${day}`);
    expect(today.body.map((i: { id: string }) => i.id)).toContain(seeded.initiativeId);
    expect((await mandateAt("2025-03-01", day))?.scope).toEqual(SCOPE_A);
    expect(await mandateAt("2025-11-01", day)).toBeNull();
  });
});
