import { describe, expect, it } from "vitest";
import { deciderSpec } from "../../testing/decider-spec.js";
import { OrganisationNotRegistered } from "../organisation/errors.js";
import { fold } from "../shared/decider.js";
import type { FocusArea, OrganisationId } from "../shared/schema-primitives.js";
import { coreTeamOn } from "./core-team-on.js";
import { personDecider } from "./decider.js";
import {
  AlreadyCoreTeamMember,
  LoginHeldByAnotherPerson,
  LoginLinkNeedsAdmin,
  LoginNotLinked,
  MembershipEndsBeforeStart,
  NotCoreTeamMember,
  PersonAlreadyRegistered,
  PersonErasedError,
  PersonNotRegistered,
} from "./errors.js";
import type { PersonEvent, SealedText } from "./events.js";

const spec = deciderSpec(personDecider);
const organisationId = "0b6f4a52-6a43-4d61-9a55-3f1c0e1d2b01" as OrganisationId;
const focusArea = "alla-barn-och-unga-lyckas" as FocusArea;
const sealed: SealedText = { alg: "A256GCM", iv: "AAAAAAAAAAAAAAAA", tag: "AAAAAAAAAAAAAAAAAAAAAA==", ciphertext: "AAAA" };
const registered: PersonEvent = { type: "PersonRegistered", data: { organisationId, name: sealed } };
const joined: PersonEvent = { type: "CoreTeamMembershipStarted", data: { focusArea, on: "2024-01-15" } };
const erased: PersonEvent = { type: "PersonErased", data: { on: "2025-06-01" } };
const register = (organisationRegistered: boolean) =>
  ({ type: "RegisterPerson", data: { organisationId, name: sealed, organisationRegistered } }) as const;

describe("RegisterPerson", () => {
  it("registers with sealed personal data", () => spec.given([]).when(register(true)).then([registered]));
  it("needs a registered organisation", () =>
    spec.given([]).when(register(false)).thenRejects(OrganisationNotRegistered, organisationId));
  it("rejects a second registration", () => spec.given([registered]).when(register(true)).thenRejects(PersonAlreadyRegistered));
});

describe("Core Team membership", () => {
  const start = { type: "StartCoreTeamMembership", data: { focusArea, on: "2024-01-15" } } as const;
  const end = (on: string) => ({ type: "EndCoreTeamMembership", data: { focusArea, on } }) as const;
  it("starts", () => spec.given([registered]).when(start).then([joined]));
  it("rejects starting twice", () => spec.given([registered, joined]).when(start).thenRejects(AlreadyCoreTeamMember, focusArea));
  it("ends on or after its start", () =>
    spec
      .given([registered, joined])
      .when(end("2024-01-15"))
      .then([{ type: "CoreTeamMembershipEnded", data: end("2024-01-15").data }]));
  it("does not end before it started", () =>
    spec.given([registered, joined]).when(end("2024-01-14")).thenRejects(MembershipEndsBeforeStart, "2024-01-15"));
  it("cannot end a membership that does not exist", () =>
    spec.given([registered]).when(end("2024-02-01")).thenRejects(NotCoreTeamMember, focusArea));
  it("can start again after it ended", () =>
    spec
      .given([registered, joined, { type: "CoreTeamMembershipEnded", data: end("2024-06-01").data }])
      .when(start)
      .then([joined]));
});

describe("ErasePerson", () => {
  const erase = { type: "ErasePerson", data: { on: "2025-06-01" } } as const;
  it("erases", () => spec.given([registered]).when(erase).then([erased]));
  it("changes nothing when erased again (the handler deletes the key again)", () =>
    spec.given([registered, erased]).when(erase).then([]));
  it("takes no further command once erased", () => {
    spec
      .given([registered, erased])
      .when({ type: "StartCoreTeamMembership", data: { focusArea, on: "2025-07-01" } })
      .thenRejects(PersonErasedError);
  });
  it("needs a registered person", () => spec.given([]).when(erase).thenRejects(PersonNotRegistered));
  it("needs a registered person even when an erasure came first", () =>
    spec.given([erased]).when(erase).thenRejects(PersonNotRegistered));
});

// The application counts a person as registered (a participant, an attendee, a lead) by the
// status of this fold (libs/application facts/registrations.ts): an erased person takes part in nothing new.
describe("the person as the application reads it", () => {
  const statusAfter = (history: PersonEvent[]) => fold(personDecider, history).status;
  it("is registered once registered", () => expect(statusAfter([registered, joined])).toBe("registered"));
  it("is erased once erased", () => expect(statusAfter([registered, erased])).toBe("erased"));
  it("is not registered by anything but the registration", () => expect(statusAfter([joined, erased])).toBe("unregistered"));
});

describe("logins", () => {
  const login = { issuer: "https://login.example.se", subjectDigest: "a".repeat(64) } as const;
  const linked: PersonEvent = { type: "PersonLoginLinked", data: { ...login, linkedBy: "admin" } };
  const link = (facts: { heldByAnotherPerson?: string } = {}) =>
    ({ type: "LinkLogin", data: { ...login, linkedBy: "admin", ...facts } }) as const;
  const unlink = { type: "UnlinkLogin", data: login } as const;
  it("links a login", () => spec.given([registered]).when(link()).then([linked]));
  it("changes nothing when the person already has the login (a repeated first sign-in)", () =>
    spec.given([registered, linked]).when(link()).then([]));
  it("links a login of another issuer beside it", () => {
    const other = { ...link().data, issuer: "https://other.example.se" };
    spec
      .given([registered, linked])
      .when({ type: "LinkLogin", data: other })
      .then([{ type: "PersonLoginLinked", data: other }]);
  });
  it("refuses a login another person holds, naming them", () =>
    spec
      .given([registered])
      .when(link({ heldByAnotherPerson: "person-b" }))
      .thenRejects(LoginHeldByAnotherPerson, "person-b"));
  it("unlinks a linked login, which can then be linked again", () => {
    spec
      .given([registered, linked])
      .when(unlink)
      .then([{ type: "PersonLoginUnlinked", data: login }]);
    spec
      .given([registered, linked, { type: "PersonLoginUnlinked", data: login }])
      .when(link())
      .then([linked]);
  });
  it("refuses to unlink a login the person does not have, naming its issuer", () =>
    spec.given([registered]).when(unlink).thenRejects(LoginNotLinked, login.issuer));
  it("takes no login once erased", () => spec.given([registered, erased]).when(link()).thenRejects(PersonErasedError));

  describe("linked by a verified e-mail", () => {
    const byEmail = { type: "LinkLogin", data: { ...login, linkedBy: "verified-email" } } as const;
    const unlinked: PersonEvent = { type: "PersonLoginUnlinked", data: login };
    it("links the person's first login", () =>
      spec
        .given([registered])
        .when(byEmail)
        .then([{ type: "PersonLoginLinked", data: byEmail.data }]));
    it("never links again a login an admin unlinked, naming its issuer; an admin may", () => {
      spec.given([registered, linked, unlinked]).when(byEmail).thenRejects(LoginLinkNeedsAdmin, login.issuer);
      spec.given([registered, linked, unlinked]).when(link()).then([linked]);
    });
    it("links no second login beside one the person has", () => {
      const other = { ...byEmail.data, subjectDigest: "b".repeat(64) };
      spec.given([registered, linked]).when({ type: "LinkLogin", data: other }).thenRejects(LoginLinkNeedsAdmin);
    });
  });
});

describe("coreTeamOn: the Core Team rights of a day", () => {
  const other = "annat-fokusomrade" as FocusArea;
  const ended = (on: string): PersonEvent => ({ type: "CoreTeamMembershipEnded", data: { focusArea, on } });
  const areas = (history: PersonEvent[], day: string) => [...coreTeamOn(history, day)];
  it("counts from the start date", () => {
    expect(areas([registered, joined], "2024-01-14")).toEqual([]);
    expect(areas([registered, joined], "2024-01-15")).toEqual([focusArea]);
  });
  it("counts through the end date, its last day, even when the end was recorded ahead of time", () => {
    expect(areas([registered, joined, ended("2024-06-30")], "2024-06-30")).toEqual([focusArea]);
    expect(areas([registered, joined, ended("2024-06-30")], "2024-07-01")).toEqual([]);
  });
  it("counts a membership started again after it ended", () =>
    expect(
      areas([registered, joined, ended("2024-06-30"), { ...joined, data: { focusArea, on: "2025-01-01" } }], "2025-02-01"),
    ).toEqual([focusArea]));
  it("keeps one focus area when another ends", () => {
    const joinedOther: PersonEvent = { type: "CoreTeamMembershipStarted", data: { focusArea: other, on: "2024-02-01" } };
    expect(areas([registered, joined, joinedOther, ended("2024-03-01")], "2024-04-01")).toEqual([other]);
  });
  it("gives an erased person no Core Team", () => expect(areas([registered, joined, erased], "2025-06-02")).toEqual([]));
});
