import { randomUUID } from "node:crypto";
import { type FocusArea, type OrganisationId, type PersonId, initiativeStream } from "#domain";
import { describe, expect, it } from "vitest";
import { expectRebuildMatchesLive, useRecordedHistory } from "../../../testing/projection-harness.js";
import { initiativeOverviewProjection } from "./projection.js";
import { initiativeRecord, initiativeRegistered, leadsAsOf, listInitiatives } from "./queries.js";

const reading = randomUUID();
const allLearn = randomUUID();
const vasteras = randomUUID() as OrganisationId;
const mdu = randomUUID() as OrganisationId;
const anna = randomUUID() as PersonId;
const bo = randomUUID() as PersonId;
const focusArea = "alla-barn-och-unga-lyckas" as FocusArea;

const registeredReading = "2025-01-10T09:00:00.000Z";
const registeredAllLearn = "2025-01-11T09:00:00.000Z";
const annaAssigned = "2025-01-12T09:00:00.000Z";
const boAssigned = "2025-01-13T09:00:00.000Z";
const annaRoleChanged = "2025-01-20T09:00:00.000Z";
const boUnassigned = "2025-02-01T09:00:00.000Z";
const readingClosed = "2025-03-05T09:00:00.000Z";
const closedOn = "2025-03-01";

const harness = useRecordedHistory([initiativeOverviewProjection], async ({ append }) => {
  const stream = initiativeStream(reading);
  await append(
    stream,
    "InitiativeRegistered",
    { name: "Läsfrämjande", focusArea, description: "Fler barn läser", organisationIds: [vasteras, mdu] },
    { recordedAt: registeredReading },
  );
  await append(
    initiativeStream(allLearn),
    "InitiativeRegistered",
    { name: "Alla lär", focusArea, description: "", organisationIds: [mdu] },
    { recordedAt: registeredAllLearn },
  );
  await append(stream, "InitiativeLeadAssigned", { personId: anna, role: "lead" }, { recordedAt: annaAssigned });
  await append(stream, "InitiativeLeadAssigned", { personId: bo, role: "co-lead" }, { recordedAt: boAssigned });
  await append(stream, "InitiativeLeadAssigned", { personId: anna, role: "key-role" }, { recordedAt: annaRoleChanged });
  await append(stream, "InitiativeLeadUnassigned", { personId: bo, reason: "Ny tjänst" }, { recordedAt: boUnassigned });
  await append(stream, "InitiativeClosed", { reason: "Målen nådda", on: closedOn }, { recordedAt: readingClosed });
});

describe("listInitiatives", () => {
  const readingItem = {
    id: reading,
    name: "Läsfrämjande",
    focusArea,
    organisationIds: [vasteras, mdu],
    registeredAt: registeredReading,
  };
  const allLearnItem = {
    id: allLearn,
    name: "Alla lär",
    status: "open",
    focusArea,
    organisationIds: [mdu],
    registeredAt: registeredAllLearn,
  };

  it("lists the initiatives registered by asOf, from the instant of registration on", () => {
    expect(listInitiatives(harness.db, { asOf: "2025-01-10T08:59:59.999Z" })).toEqual([]);
    expect(listInitiatives(harness.db, { asOf: registeredReading })).toEqual([{ ...readingItem, status: "open" }]);
  });

  it("orders by name", () => {
    expect(listInitiatives(harness.db, { asOf: registeredAllLearn }).map((i) => i.name)).toEqual(["Alla lär", "Läsfrämjande"]);
  });

  it("shows an initiative closed from the instant its closure was recorded", () => {
    expect(listInitiatives(harness.db, { asOf: "2025-03-05T08:59:59.999Z" })).toEqual([
      allLearnItem,
      { ...readingItem, status: "open" },
    ]);
    expect(listInitiatives(harness.db, { asOf: readingClosed })).toEqual([allLearnItem, { ...readingItem, status: "closed" }]);
    expect(listInitiatives(harness.db)).toEqual([allLearnItem, { ...readingItem, status: "closed" }]);
  });
});

describe("initiativeRecord", () => {
  const record = {
    id: reading,
    name: "Läsfrämjande",
    focusArea,
    description: "Fler barn läser",
    organisationIds: [vasteras, mdu],
  };

  it("is undefined before registration and for an unknown id", () => {
    expect(initiativeRecord(harness.db, reading, { asOf: "2025-01-10T08:59:59.999Z", at: "2025-01-10" })).toBeUndefined();
    expect(initiativeRecord(harness.db, randomUUID(), { at: "2025-01-10" })).toBeUndefined();
  });

  it("is open, without a closure date, until the closure is recorded, whatever the day", () => {
    const open = { ...record, status: "open" };
    expect(initiativeRecord(harness.db, reading, { asOf: registeredReading, at: "2025-01-10" })).toEqual(open);
    expect(initiativeRecord(harness.db, reading, { asOf: "2025-03-05T08:59:59.999Z", at: "2025-03-02" })).toEqual(open);
  });

  it("once the closure is recorded, is closed from its date on", () => {
    const known = { asOf: readingClosed };
    expect(initiativeRecord(harness.db, reading, { ...known, at: "2025-02-28" })).toEqual({
      ...record,
      status: "open",
      closedOn,
    });
    expect(initiativeRecord(harness.db, reading, { ...known, at: closedOn })).toEqual({ ...record, status: "closed", closedOn });
    expect(initiativeRecord(harness.db, reading, { at: "2025-03-02" })).toEqual({ ...record, status: "closed", closedOn });
  });
});

describe("initiativeRegistered", () => {
  it("is true from the instant of registration, whether or not the initiative is closed; false for an unknown id", () => {
    expect(initiativeRegistered(harness.db, reading, { asOf: "2025-01-10T08:59:59.999Z" })).toBe(false);
    expect(initiativeRegistered(harness.db, reading, { asOf: registeredReading })).toBe(true);
    expect(initiativeRegistered(harness.db, reading)).toBe(true);
    expect(initiativeRegistered(harness.db, randomUUID())).toBe(false);
  });
});

describe("leadsAsOf", () => {
  const annaLead = { personId: anna, role: "lead", assignedAt: annaAssigned };
  const boCoLead = { personId: bo, role: "co-lead", assignedAt: boAssigned };
  const annaKeyRole = { personId: anna, role: "key-role", assignedAt: annaRoleChanged };

  it("has a lead from the instant the assignment was recorded", () => {
    expect(leadsAsOf(harness.db, reading, { asOf: "2025-01-12T08:59:59.999Z" })).toEqual([]);
    expect(leadsAsOf(harness.db, reading, { asOf: annaAssigned })).toEqual([annaLead]);
  });

  it("replaces a person's role from the instant the new role was recorded", () => {
    expect(leadsAsOf(harness.db, reading, { asOf: "2025-01-20T08:59:59.999Z" })).toEqual([annaLead, boCoLead]);
    expect(leadsAsOf(harness.db, reading, { asOf: annaRoleChanged })).toEqual([boCoLead, annaKeyRole]);
  });

  it("drops a lead from the instant the unassignment was recorded, keeping the row with its reason", () => {
    expect(leadsAsOf(harness.db, reading, { asOf: "2025-02-01T08:59:59.999Z" })).toEqual([boCoLead, annaKeyRole]);
    expect(leadsAsOf(harness.db, reading, { asOf: boUnassigned })).toEqual([annaKeyRole]);
    expect(leadsAsOf(harness.db, reading)).toEqual([annaKeyRole]);
    expect(
      harness.db.prepare("SELECT role, unassigned_at, unassigned_reason FROM initiative_leads ORDER BY assigned_position").all(),
    ).toEqual([
      { role: "lead", unassigned_at: annaRoleChanged, unassigned_reason: null },
      { role: "co-lead", unassigned_at: boUnassigned, unassigned_reason: "Ny tjänst" },
      { role: "key-role", unassigned_at: null, unassigned_reason: null },
    ]);
  });

  it("answers only for the initiative asked about", () => {
    expect(leadsAsOf(harness.db, allLearn)).toEqual([]);
  });
});

it("rebuilds to exactly the rows it keeps live", () =>
  expectRebuildMatchesLive(harness, { initiatives: 2, initiative_leads: 3 }));
