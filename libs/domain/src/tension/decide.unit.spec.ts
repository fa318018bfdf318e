import { describe, expect, it } from "vitest";
import { deciderSpec } from "../../testing/decider-spec.js";
import { InitiativeNotRegistered } from "../initiative/errors.js";
import type { InitiativeId, SignalId } from "../shared/schema-primitives.js";
import type { TensionCommand } from "./commands.js";
import { tensionDecider } from "./decider.js";
import {
  TensionAlreadyRaised,
  TensionClosed,
  TensionDatedBeforeRaised,
  TensionDatedInFuture,
  TensionNotRaised,
} from "./errors.js";
import { type TensionEvent, type TensionEventOf, tensionEvents } from "./events.js";

const spec = deciderSpec(tensionDecider);
const initiativeId = "5d1f9a0e-7c3b-4e21-8a6f-3b9c0d2e4f01" as InitiativeId;
const missingInitiativeId = "5d1f9a0e-7c3b-4e21-8a6f-3b9c0d2e4f02" as InitiativeId;

const raised: TensionEventOf<"TensionRaised"> = {
  type: "TensionRaised",
  data: {
    initiativeIds: [initiativeId],
    category: "line-vs-collaboration",
    description: "Linjens prioriteringar drar åt ett annat håll än samverkan",
    intensity: 3,
    raisedOn: "2024-09-19",
    source: { signalId: "5d1f9a0e-7c3b-4e21-8a6f-3b9c0d2e4f03" as SignalId },
  },
};
/** The day the commands here are given: after every date they carry. */
const today = "2024-12-31";
const raise = (data: Partial<TensionEventOf<"TensionRaised">["data"]> = {}, unregisteredInitiatives: InitiativeId[] = []) =>
  ({ type: "RaiseTension", data: { ...raised.data, ...data, unregisteredInitiatives, today } }) as const;

const resolved: TensionEvent = {
  type: "TensionResolved",
  data: { resolution: "Rollerna förtydligade", resolvedOn: "2024-11-20" },
};
const dropped: TensionEvent = { type: "TensionDropped", data: { reason: "Inte längre aktuell", on: "2024-11-20" } };
const escalated: TensionEvent = {
  type: "TensionEscalated",
  data: { to: "board", note: "Behöver styrgruppens beslut", on: "2024-10-01" },
};

/** Every command on a raised tension: its type, the event it records, and its data dated `on`. */
const laterCommands = [
  ["ChangeTensionIntensity", "TensionIntensityChanged", (on: string) => ({ intensity: 4, note: "Har vuxit", on })],
  ["EscalateTension", "TensionEscalated", (on: string) => ({ to: "board", note: "Behöver styrgruppens beslut", on })],
  ["ResolveTension", "TensionResolved", (on: string) => ({ resolution: "Rollerna förtydligade", resolvedOn: on })],
  ["DropTension", "TensionDropped", (on: string) => ({ reason: "Inte längre aktuell", on })],
] as const;

describe("RaiseTension", () => {
  it("raises a tension between initiatives", () => spec.given([]).when(raise()).then([raised]));
  it("raises a tension within the Core Team itself", () =>
    spec
      .given([])
      .when(raise({ initiativeIds: [] }))
      .then([{ type: "TensionRaised", data: { ...raised.data, initiativeIds: [] } }]));
  it("rejects an initiative that is not registered", () =>
    spec
      .given([])
      .when(raise({ initiativeIds: [initiativeId, missingInitiativeId] }, [missingInitiativeId]))
      .thenRejects(InitiativeNotRegistered, missingInitiativeId));
  it("rejects raising twice", () => spec.given([raised]).when(raise()).thenRejects(TensionAlreadyRaised));
  it("rejects a tension raised after today (tension-dated-in-future)", () =>
    spec
      .given([])
      .when(raise({ raisedOn: "2025-01-01" }))
      .thenRejects(TensionDatedInFuture, "2025-01-01", today));
});

describe.each(laterCommands)("%s", (type, eventType, dataOn) => {
  const command = (on: string) => ({ type, data: { ...dataOn(on), today } }) as TensionCommand;
  const recorded = (on: string) => ({ type: eventType, data: dataOn(on) }) as TensionEvent;
  it("is accepted on an open tension", () =>
    spec
      .given([raised])
      .when(command("2024-10-01"))
      .then([recorded("2024-10-01")]));
  it("is accepted on the day the tension was raised", () =>
    spec
      .given([raised])
      .when(command("2024-09-19"))
      .then([recorded("2024-09-19")]));
  it("rejects a date after today (tension-dated-in-future)", () =>
    spec.given([raised]).when(command("2025-01-01")).thenRejects(TensionDatedInFuture, "2025-01-01", today));
  it("rejects a date before the tension was raised", () =>
    spec.given([raised]).when(command("2024-09-18")).thenRejects(TensionDatedBeforeRaised, "2024-09-18", "2024-09-19"));
  it("is accepted on an escalated tension, which stays open", () =>
    spec
      .given([raised, escalated])
      .when(command("2024-12-01"))
      .then([recorded("2024-12-01")]));
  it("rejects a resolved tension", () =>
    spec.given([raised, resolved]).when(command("2024-12-01")).thenRejects(TensionClosed, "resolved"));
  it("rejects a dropped tension", () =>
    spec.given([raised, dropped]).when(command("2024-12-01")).thenRejects(TensionClosed, "dropped"));
  it("needs a raised tension", () => spec.given([]).when(command("2024-10-01")).thenRejects(TensionNotRaised));
  it("needs a raised tension even when later events came first", () =>
    spec.given([escalated, resolved]).when(command("2024-12-01")).thenRejects(TensionNotRaised));
});

describe("ChangeTensionIntensity", () => {
  it("changes nothing when the intensity stays the same", () =>
    spec
      .given([raised])
      .when({ type: "ChangeTensionIntensity", data: { intensity: 3, note: "Oförändrad", on: "2024-10-01", today } })
      .then([]));
  it("follows the latest intensity", () =>
    spec
      .given([raised, { type: "TensionIntensityChanged", data: { intensity: 5, note: "Akut", on: "2024-10-01" } }])
      .when({ type: "ChangeTensionIntensity", data: { intensity: 3, note: "Lugnare", on: "2024-10-15", today } })
      .then([{ type: "TensionIntensityChanged", data: { intensity: 3, note: "Lugnare", on: "2024-10-15" } }]));
});

// Intensity is not checked in decide: the event schemas, which the inputs extend, enforce it.
describe("intensity: an integer 1 to 5 (event schemas)", () => {
  const parsers = {
    TensionRaised: (intensity: number) => tensionEvents.TensionRaised.schema.safeParse({ ...raised.data, intensity }),
    TensionIntensityChanged: (intensity: number) =>
      tensionEvents.TensionIntensityChanged.schema.safeParse({ intensity, note: "Har vuxit", on: "2024-10-01" }),
  };
  describe.each(Object.entries(parsers))("%s", (_type, parse) => {
    it.each([1, 5])("accepts %d", (value) => expect(parse(value).success).toBe(true));
    it.each([0, 6, 2.5])("rejects %d", (value) => expect(parse(value).success).toBe(false));
  });
});
