import { beforeAll, describe, expect, it } from "vitest";
import { addDays, after, ok, seedInitiative, stockholmDate } from "./support/fixtures.js";
import { type ApiClient, serverForFile } from "./support/mandat-server.js";

/**
 * Issue 11.3 (docs/domain.md "Read models", the overview): an initiative with an agreed
 * cadence and no check-in yet is due a cadence after the day the cadence was agreed.
 */
let core: ApiClient;
let auditor: ApiClient;
let overviewPath: string;
let agreedOn: string;
let agreedAt: string;
let position: number;

serverForFile((started) => ({ core, auditor } = started));

beforeAll(async () => {
  const seeded = await seedInitiative(core, "Utan avstämning");
  overviewPath = `/api/v1/initiatives/${seeded.initiativeId}`;
  position = ok(await core.post(`${overviewPath}/check-in-cadence`, { everyDays: 7 })).position;
  const [event] = (await auditor.get(`/api/v1/audit/events?fromPosition=${position}&limit=1`)).body;
  agreedAt = event.recordedAt;
  agreedOn = stockholmDate(agreedAt);
});

const overviewOn = async (at: string, asOf?: string) => {
  const query = new URLSearchParams({ at, ...(asOf ? { asOf } : {}) });
  const response = await core.get(after(`${overviewPath}?${query}`, position));
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body as { cadenceDays: number | null; nextCheckInDue: string | null; checkInOverdue: boolean };
};

describe("an initiative with a cadence and no check-in yet", () => {
  it("is due a cadence after the day the cadence was agreed, and not overdue on the due day", async () => {
    expect(await overviewOn(addDays(agreedOn, 7))).toMatchObject({
      cadenceDays: 7,
      lastCheckIn: null,
      nextCheckInDue: addDays(agreedOn, 7),
      checkInOverdue: false,
    });
  });

  it("is overdue from the day after", async () => {
    expect(await overviewOn(addDays(agreedOn, 8))).toMatchObject({ nextCheckInDue: addDays(agreedOn, 7), checkInOverdue: true });
  });

  it("has nothing due as known before the cadence was agreed", async () => {
    const before = new Date(Date.parse(agreedAt) - 1).toISOString();
    expect(await overviewOn(addDays(agreedOn, 30), before)).toMatchObject({
      cadenceDays: null,
      nextCheckInDue: null,
      checkInOverdue: false,
    });
  });
});
