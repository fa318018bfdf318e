import { randomUUID } from "node:crypto";
import { type ContextId, type InitiativeId, type OrganisationId, tensionStream } from "#domain";
import { describe, expect, it } from "vitest";
import { expectRebuildMatchesLive, useRecordedHistory } from "../../../testing/projection-harness.js";
import { tensionTimelineProjection } from "./projection.js";
import { type TensionListOptions, listTensions } from "./tension-list.js";

const reading = randomUUID() as InitiativeId;
const sports = randomUUID() as InitiativeId;
const board = { organisationId: randomUUID() as OrganisationId, contextId: randomUUID() as ContextId };
const shared = randomUUID(); // names both initiatives; escalated to a governing context; resolved
const coreTeam = randomUUID(); // names none: within the Core Team
const late = randomUUID(); // raised on 2025-01-05, recorded in February; dropped

const sharedRaised = "2025-01-10T09:00:00.000Z";
const coreTeamRaised = "2025-01-11T09:00:00.000Z";
const sharedEscalated = "2025-01-20T09:00:00.000Z";
const sharedIntensified = "2025-01-21T09:00:00.000Z";
const lateRaised = "2025-02-01T09:00:00.000Z";
const sharedResolved = "2025-02-10T09:00:00.000Z";
const lateDropped = "2025-02-11T09:00:00.000Z";

const raise = (initiativeIds: InitiativeId[], raisedOn: string) => ({
  initiativeIds,
  category: "roles" as const,
  description: "Roller glider in i varandra",
  intensity: 3,
  raisedOn,
});

const harness = useRecordedHistory([tensionTimelineProjection], async ({ append }) => {
  await append(tensionStream(shared), "TensionRaised", raise([sports, reading], "2025-01-10"), { recordedAt: sharedRaised });
  await append(tensionStream(coreTeam), "TensionRaised", raise([], "2025-01-11"), { recordedAt: coreTeamRaised });
  await append(
    tensionStream(shared),
    "TensionEscalated",
    { to: "organisation", note: "Till nämnden", on: "2025-01-20", governingContext: board },
    { recordedAt: sharedEscalated },
  );
  await append(
    tensionStream(shared),
    "TensionIntensityChanged",
    { intensity: 5, note: "Akut", on: "2025-01-21" },
    {
      recordedAt: sharedIntensified,
    },
  );
  await append(tensionStream(late), "TensionRaised", raise([reading], "2025-01-05"), { recordedAt: lateRaised });
  await append(
    tensionStream(shared),
    "TensionResolved",
    { resolution: "Löst i nämnden", resolvedOn: "2025-02-10" },
    {
      recordedAt: sharedResolved,
    },
  );
  await append(tensionStream(late), "TensionDropped", { reason: "Inte aktuell", on: "2025-02-11" }, { recordedAt: lateDropped });
});

const all = { limit: 100 };
const list = (options: Partial<TensionListOptions> = {}) =>
  listTensions(harness.db, { withinCoreTeam: true, page: all, ...options });
const ids = (options: Partial<TensionListOptions> = {}) => list(options).items.map((t) => t.tensionId);

describe("listTensions", () => {
  it("lists every tension oldest first by the day raised, those within the Core Team included", () => {
    expect(ids()).toEqual([late, shared, coreTeam]);
    expect(list().items[1]).toEqual({
      tensionId: shared,
      initiativeIds: [sports, reading],
      category: "roles",
      description: "Roller glider in i varandra",
      raisedOn: "2025-01-10",
      raisedAt: sharedRaised,
      source: null,
      intensity: 5,
      status: "resolved",
      closedOn: "2025-02-10",
      resolution: "Löst i nämnden",
      escalation: { to: "organisation", on: "2025-01-20", governingContext: board },
    });
  });

  it("leaves out the tensions naming no initiative for those outside the Core Team", () => {
    expect(ids({ withinCoreTeam: false })).toEqual([late, shared]);
  });

  it("lists one initiative's tensions", () => {
    expect(ids({ initiativeId: reading })).toEqual([late, shared]);
    expect(ids({ initiativeId: sports })).toEqual([shared]);
  });

  it("answers as known at asOf: raised, escalated, intensified and closed from the instant recorded", () => {
    expect(ids({ asOf: "2025-01-10T08:59:59.999Z" })).toEqual([]);
    expect(list({ asOf: sharedRaised }).items).toEqual([
      expect.objectContaining({ tensionId: shared, intensity: 3, status: "open", closedOn: null, escalation: null }),
    ]);
    expect(list({ asOf: sharedEscalated }).items[0]).toMatchObject({
      intensity: 3,
      escalation: { to: "organisation", governingContext: board },
    });
    expect(list({ asOf: "2025-02-09T00:00:00.000Z" }).items.map((t) => [t.tensionId, t.status, t.intensity])).toEqual([
      [late, "open", 3],
      [shared, "open", 5],
      [coreTeam, "open", 3],
    ]);
  });

  it("filters on the status as known at asOf", () => {
    expect(ids({ status: "open" })).toEqual([coreTeam]);
    expect(ids({ status: "dropped" })).toEqual([late]);
    expect(ids({ status: "resolved", asOf: "2025-02-09T00:00:00.000Z" })).toEqual([]);
    expect(ids({ status: "open", asOf: "2025-02-10T23:00:00.000Z" })).toEqual([late, coreTeam]);
  });

  it("pages by cursor: each page starts after the last of the one before", () => {
    const first = list({ page: { limit: 2 } });
    expect(first.items.map((t) => t.tensionId)).toEqual([late, shared]);
    expect(first.nextAfter).toEqual(["2025-01-10", expect.any(Number)]);
    const second = list({ page: { limit: 2, after: first.nextAfter! } });
    expect(second).toEqual({ items: [expect.objectContaining({ tensionId: coreTeam })], nextAfter: null });
    expect(list({ page: { limit: 3 } }).nextAfter).toBeNull();
  });
});

it("rebuilds to exactly the rows it keeps live", () =>
  expectRebuildMatchesLive(harness, { tensions: 3, tension_initiatives: 3, tension_escalations: 1 }));
