import { randomUUID } from "node:crypto";
import { type MandatEventOf, personStream } from "#domain";
import { newPersonKey, open, seal } from "#privacy";
import { describe, expect, it } from "vitest";
import { snapshot, expectRebuildMatchesLive, useProjectionHarness } from "../../../testing/projection-harness.js";
import { peopleProjection } from "./projection.js";
import { coreTeam, coreTeamMembersOn, loginHolders, loginsOf, peopleRecords, peopleWithEmail } from "./queries.js";
import { peopleTables } from "./tables.js";

const harness = useProjectionHarness([peopleProjection]);

const organisationId = randomUUID();
const focusArea = "alla-barn-och-unga-lyckas";
const REGISTERED = "2024-09-01T08:00:00.000Z";

/** Registers a person with a real sealed name (and e-mail), as the application would. */
async function register(name: string, email?: string) {
  const personId = randomUUID();
  const key = newPersonKey();
  const sealed = { name: seal(key, personId, name), ...(email ? { email: seal(key, personId, email) } : {}) };
  await harness.append(
    personStream(personId),
    "PersonRegistered",
    { organisationId, ...sealed } as MandatEventOf<"PersonRegistered">["data"],
    { recordedAt: REGISTERED },
  );
  return { personId, key, sealed };
}

const membership = (focus: string, on: string) =>
  ({ focusArea: focus, on }) as MandatEventOf<"CoreTeamMembershipStarted">["data"];

describe("people: peopleRecords", () => {
  it("keeps the name and e-mail sealed as given, openable only with the person's key", async () => {
    const { personId, key, sealed } = await register("Deltagare Västerås 1", "deltagare1@example.org");
    await harness.sync();
    const record = peopleRecords(harness.db, [personId])[0]!;
    expect(record).toEqual({
      personId,
      organisationId,
      nameSealed: sealed.name,
      emailSealed: sealed.email,
      registeredAt: REGISTERED,
      erasedOn: null,
    });
    expect(open(key, personId, record.nameSealed)).toBe("Deltagare Västerås 1");
    expect(open(key, personId, record.emailSealed!)).toBe("deltagare1@example.org");
  });

  it("never stores plaintext: its columns hold the sealed JSON as given", async () => {
    const { personId, sealed } = await register("Deltagare Eskilstuna 2", "deltagare2@example.org");
    await harness.append(personStream(personId), "CoreTeamMembershipStarted", membership(focusArea, "2024-09-01"));
    await harness.sync();
    const row = harness.db
      .prepare<[string], { name_sealed: string; email_sealed: string }>(
        "SELECT name_sealed, email_sealed FROM people WHERE person_id = ?",
      )
      .get(personId)!;
    expect(JSON.parse(row.name_sealed)).toEqual(sealed.name);
    expect(JSON.parse(row.email_sealed)).toEqual(sealed.email);
    const everything = JSON.stringify(snapshot(harness.db, Object.keys(peopleTables)));
    expect(everything).not.toContain("Deltagare");
    expect(everything).not.toContain("deltagare2@example.org");
  });

  it("answers null for an absent e-mail, the erasure date once erased, undefined for someone unknown", async () => {
    const { personId, sealed } = await register("Frånvarande 1");
    await harness.append(personStream(personId), "PersonErased", { on: "2025-01-31" });
    await harness.sync();
    expect(peopleRecords(harness.db, [personId])).toMatchObject([
      { nameSealed: sealed.name, emailSealed: null, erasedOn: "2025-01-31" },
    ]);
    expect(peopleRecords(harness.db, [randomUUID()])).toEqual([]);
  });

  it("reads many people at once in the order asked, skipping unknown ids", async () => {
    const first = await register("One");
    const second = await register("Two");
    await harness.sync();
    const records = peopleRecords(harness.db, [second.personId, randomUUID(), first.personId]);
    expect(records.map((r) => r.personId)).toEqual([second.personId, first.personId]);
    expect(records[0]!.nameSealed).toEqual(second.sealed.name);
    expect(peopleRecords(harness.db, [])).toEqual([]);
  });
});

describe("people: coreTeam", () => {
  it("has a member from the day membership starts to the day it ends, both inclusive", async () => {
    const { personId } = await register("Member");
    const stream = personStream(personId);
    await harness.append(stream, "CoreTeamMembershipStarted", membership(focusArea, "2024-09-01"));
    await harness.append(stream, "CoreTeamMembershipEnded", membership(focusArea, "2025-06-30"));
    await harness.sync();
    const members = (at: string) => coreTeam(harness.db, focusArea, { at });
    expect(members("2024-08-31")).toEqual([]);
    expect(members("2024-09-01")).toEqual([personId]);
    expect(members("2024-09-02")).toEqual([personId]);
    expect(members("2025-06-29")).toEqual([personId]);
    expect(members("2025-06-30")).toEqual([personId]);
    expect(members("2025-07-01")).toEqual([]);
    expect(coreTeam(harness.db, "another-focus-area", { at: "2024-09-02" })).toEqual([]);
  });

  it("lists members in the order they joined, counting a rejoining member once", async () => {
    const early = await register("Early");
    const late = await register("Late");
    await harness.append(personStream(late.personId), "CoreTeamMembershipStarted", membership(focusArea, "2024-10-01"));
    await harness.append(personStream(early.personId), "CoreTeamMembershipStarted", membership(focusArea, "2024-01-01"));
    await harness.append(personStream(early.personId), "CoreTeamMembershipEnded", membership(focusArea, "2024-03-01"));
    await harness.append(personStream(early.personId), "CoreTeamMembershipStarted", membership(focusArea, "2024-04-01"));
    await harness.sync();
    expect(coreTeam(harness.db, focusArea, { at: "2024-10-01" })).toEqual([late.personId, early.personId]);
    expect(coreTeam(harness.db, focusArea, { at: "2024-03-15" })).toEqual([]);
  });

  it("answers as known at asOf: a start or an end counts from the instant it was recorded", async () => {
    const { personId } = await register("Member");
    const stream = personStream(personId);
    const STARTED = "2024-09-02T08:00:00.000Z";
    const ENDED = "2025-07-02T08:00:00.000Z";
    await harness.append(stream, "CoreTeamMembershipStarted", membership(focusArea, "2024-09-01"), { recordedAt: STARTED });
    await harness.append(stream, "CoreTeamMembershipEnded", membership(focusArea, "2025-06-30"), { recordedAt: ENDED });
    await harness.sync();
    const members = (asOf: string) => coreTeam(harness.db, focusArea, { at: "2025-07-01", asOf });
    expect(members("2024-09-02T07:59:59.999Z")).toEqual([]);
    expect(members(STARTED)).toEqual([personId]);
    expect(members("2025-07-02T07:59:59.999Z")).toEqual([personId]);
    expect(members(ENDED)).toEqual([]);
    expect(members("2025-07-02T08:00:00.001Z")).toEqual([]);
  });

  it("rebuilds to exactly the rows it holds live", async () => {
    const { personId } = await register("Member", "member@example.org");
    const stream = personStream(personId);
    await harness.append(stream, "CoreTeamMembershipStarted", membership(focusArea, "2024-09-01"));
    await harness.append(stream, "CoreTeamMembershipEnded", membership(focusArea, "2024-12-31"));
    const login = (n: number) => ({ issuer: "https://login.example.se", subjectDigest: String(n).repeat(64) });
    await harness.append(stream, "PersonLoginLinked", { ...login(1), linkedBy: "admin" });
    await harness.append(stream, "PersonLoginLinked", { ...login(2), linkedBy: "verified-email" });
    await harness.append(stream, "PersonLoginUnlinked", login(2));
    await harness.append(stream, "PersonErased", { on: "2025-01-31" });
    await expectRebuildMatchesLive(harness);
  });
});

describe("people: logins", () => {
  const login = { issuer: "https://login.example.se", subjectDigest: "c".repeat(64) };

  it("finds the person a login is linked to, until it is unlinked; a login of another issuer is another login", async () => {
    const { personId } = await register("Inloggad");
    await harness.append(personStream(personId), "PersonLoginLinked", { ...login, linkedBy: "admin" });
    await harness.sync();
    expect(loginHolders(harness.db, login)).toEqual([{ personId, erased: false }]);
    expect(loginHolders(harness.db, { ...login, issuer: "https://other.example.se" })).toEqual([]);
    expect(loginsOf(harness.db, personId)).toEqual([login]);
    await harness.append(personStream(personId), "PersonLoginUnlinked", login);
    await harness.sync();
    expect(loginHolders(harness.db, login)).toEqual([]);
    expect(loginsOf(harness.db, personId)).toEqual([]);
  });

  it("names both people when two links raced past each other, so sign-in can refuse the login", async () => {
    const first = await register("Först");
    const second = await register("Sedan");
    const raced = { ...login, subjectDigest: "d".repeat(64) };
    await harness.append(personStream(first.personId), "PersonLoginLinked", { ...raced, linkedBy: "admin" });
    await harness.append(personStream(second.personId), "PersonLoginLinked", { ...raced, linkedBy: "verified-email" });
    await harness.sync();
    const holders = loginHolders(harness.db, raced).map((holder) => holder.personId);
    expect(holders.sort()).toEqual([first.personId, second.personId].sort());
  });

  it("says when a holder is erased, so the login can act for no one and be linked to someone else", async () => {
    const { personId } = await register("Raderas");
    const held = { ...login, subjectDigest: "e".repeat(64) };
    await harness.append(personStream(personId), "PersonLoginLinked", { ...held, linkedBy: "admin" });
    await harness.append(personStream(personId), "PersonErased", { on: "2025-01-31" });
    await harness.sync();
    expect(loginHolders(harness.db, held)).toEqual([{ personId, erased: true }]);
  });
});

describe("people: whom sign-in and development tokens look at", () => {
  it("lists people with an e-mail who are not erased, and everyone in some Core Team on a day", async () => {
    const withEmail = await register("Med e-post", "med@example.org");
    const erased = await register("Raderad", "raderad@example.org");
    await harness.append(personStream(erased.personId), "PersonErased", { on: "2025-01-31" });
    const member = await register("Medlem");
    await harness.append(personStream(member.personId), "CoreTeamMembershipStarted", membership("annat-omrade", "2025-01-01"));
    await harness.append(personStream(member.personId), "CoreTeamMembershipEnded", membership("annat-omrade", "2025-03-31"));
    await harness.sync();
    const emails = peopleWithEmail(harness.db);
    expect(emails).toContain(withEmail.personId);
    expect(emails).not.toContain(erased.personId);
    expect(emails).not.toContain(member.personId);
    expect(coreTeamMembersOn(harness.db, "2025-03-31")).toContain(member.personId);
    expect(coreTeamMembersOn(harness.db, "2025-04-01")).not.toContain(member.personId);
    expect(coreTeamMembersOn(harness.db, "2024-12-31")).not.toContain(member.personId);
  });
});
