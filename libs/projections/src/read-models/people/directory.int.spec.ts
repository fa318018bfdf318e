import { randomUUID } from "node:crypto";
import { type MandatEventOf, personStream } from "#domain";
import { newPersonKey, seal } from "#privacy";
import { describe, expect, it } from "vitest";
import { useRecordedHistory } from "../../../testing/projection-harness.js";
import { peopleDirectory } from "./directory.js";
import { peopleProjection } from "./projection.js";

const vasteras = randomUUID();
const mdu = randomUUID();
// Two registered in the same instant: the id orders them.
const [first, second] = [randomUUID(), randomUUID()].sort() as [string, string];
const third = randomUUID();
const bothRecorded = "2024-09-01T08:00:00.000Z";
const thirdRecorded = "2024-09-02T08:00:00.000Z";

const registration = (personId: string, organisationId: string) =>
  ({
    organisationId,
    name: seal(newPersonKey(), personId, "Deltagare"),
  }) as MandatEventOf<"PersonRegistered">["data"];

const harness = useRecordedHistory([peopleProjection], async ({ append }) => {
  await append(personStream(second), "PersonRegistered", registration(second, vasteras), { recordedAt: bothRecorded });
  await append(personStream(first), "PersonRegistered", registration(first, mdu), { recordedAt: bothRecorded });
  await append(personStream(third), "PersonRegistered", registration(third, mdu), { recordedAt: thirdRecorded });
});

const all = { limit: 100 };

describe("peopleDirectory", () => {
  it("lists everyone registered, in the order registered, then by id", () => {
    expect(peopleDirectory(harness.db, { page: all })).toEqual({ items: [first, second, third], nextAfter: null });
  });

  it("lists those registered by asOf", () => {
    expect(peopleDirectory(harness.db, { asOf: "2024-09-01T07:59:59.999Z", page: all }).items).toEqual([]);
    expect(peopleDirectory(harness.db, { asOf: bothRecorded, page: all }).items).toEqual([first, second]);
  });

  it("lists one organisation's people", () => {
    expect(peopleDirectory(harness.db, { organisationId: mdu, page: all }).items).toEqual([first, third]);
  });

  it("pages by cursor", () => {
    const page = peopleDirectory(harness.db, { page: { limit: 1 } });
    expect(page).toEqual({ items: [first], nextAfter: [bothRecorded, first] });
    const next = peopleDirectory(harness.db, { page: { limit: 2, after: page.nextAfter! } });
    expect(next).toEqual({ items: [second, third], nextAfter: null });
  });
});
