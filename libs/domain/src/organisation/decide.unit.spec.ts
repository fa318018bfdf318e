import { describe, expect, it } from "vitest";
import { deciderSpec } from "../../testing/decider-spec.js";
import { fold } from "../shared/decider.js";
import { IdTaken } from "../shared/errors.js";
import type { ContextId } from "../shared/schema-primitives.js";
import { organisationDecider } from "./decider.js";
import {
  GoverningContextNotMapped,
  GoverningContextRetiredError,
  OrganisationAlreadyRegistered,
  OrganisationNotRegistered,
} from "./errors.js";
import type { OrganisationEvent } from "./events.js";
import { governingContextFacts } from "./facts.js";

const spec = deciderSpec(organisationDecider);
const contextId = "6f1c2b1e-9a7d-4c55-8d0e-2f4b7a9c1d01" as ContextId;
const registered: OrganisationEvent = { type: "OrganisationRegistered", data: { name: "Västerås stad", kind: "municipality" } };
const mapped: OrganisationEvent = {
  type: "GoverningContextMapped",
  data: { contextId, name: "Barn- och ungdomsnämnden", kind: "committee", description: "" },
};

describe("RegisterOrganisation", () => {
  it("registers a new organisation", () =>
    spec
      .given([])
      .when({ type: "RegisterOrganisation", data: registered.data as never })
      .then([registered]));
  it("rejects registering twice", () =>
    spec
      .given([registered])
      .when({ type: "RegisterOrganisation", data: { name: "Again", kind: "other" } })
      .thenRejects(OrganisationAlreadyRegistered, "Västerås stad"));
});

describe("MapGoverningContext", () => {
  it("maps a governing context", () =>
    spec
      .given([registered])
      .when({ type: "MapGoverningContext", data: mapped.data as never })
      .then([mapped]));
  it("rejects an id already mapped", () =>
    spec
      .given([registered, mapped])
      .when({ type: "MapGoverningContext", data: mapped.data as never })
      .thenRejects(IdTaken, contextId));
  it("rejects the id of a retired context rather than bring it back", () =>
    spec
      .given([registered, mapped, { type: "GoverningContextRetired", data: { contextId, reason: "Merged into another board" } }])
      .when({ type: "MapGoverningContext", data: mapped.data as never })
      .thenRejects(IdTaken, contextId));
  it("needs a registered organisation", () =>
    spec
      .given([])
      .when({ type: "MapGoverningContext", data: mapped.data as never })
      .thenRejects(OrganisationNotRegistered));
});

describe("RetireGoverningContext", () => {
  const retire = { type: "RetireGoverningContext", data: { contextId, reason: "Merged into another board" } } as const;
  it("retires a mapped context", () =>
    spec
      .given([registered, mapped])
      .when(retire)
      .then([{ type: "GoverningContextRetired", data: retire.data }]));
  it("rejects a context that was never mapped", () =>
    spec.given([registered]).when(retire).thenRejects(GoverningContextNotMapped, contextId));
  it("rejects retiring twice", () =>
    spec
      .given([registered, mapped, { type: "GoverningContextRetired", data: retire.data }])
      .when(retire)
      .thenRejects(GoverningContextRetiredError, contextId));
  it("needs a registered organisation", () => spec.given([]).when(retire).thenRejects(OrganisationNotRegistered));
});

// Linking a context to an initiative and escalating a tension to one read the organisation's
// fold through governingContextFacts: what its events leave there decides those rules.
describe("the organisation as other streams read it (governingContextFacts)", () => {
  const factsAfter = (history: OrganisationEvent[]) => governingContextFacts(fold(organisationDecider, history), contextId);
  const retired: OrganisationEvent = {
    type: "GoverningContextRetired",
    data: { contextId, reason: "Merged into another board" },
  };

  it("a mapped context", () =>
    expect(factsAfter([registered, mapped])).toEqual({ status: "registered", name: "Västerås stad", context: "mapped" }));
  it("a retired context", () =>
    expect(factsAfter([registered, mapped, retired])).toEqual({
      status: "registered",
      name: "Västerås stad",
      context: "retired",
    }));
  it("a context never mapped", () =>
    expect(factsAfter([registered])).toEqual({ status: "registered", name: "Västerås stad", context: undefined }));
  it("an organisation never registered, whatever came before", () =>
    expect(factsAfter([mapped, retired])).toEqual({ status: "unregistered" }));
});
