import { describe, it } from "vitest";
import { deciderSpec } from "../../testing/decider-spec.js";
import { GoverningContextNotMapped, GoverningContextRetiredError, OrganisationNotRegistered } from "../organisation/errors.js";
import type { GoverningContextFacts } from "../organisation/facts.js";
import type { GoverningContextStatus } from "../organisation/state.js";
import type { ContextId, InitiativeId, OrganisationId } from "../shared/schema-primitives.js";
import { tensionDecider } from "./decider.js";
import type { EscalationContext, TensionEventOf } from "./events.js";

// An escalation that names the governing context it goes to (issue 11): the context must be usable.
const spec = deciderSpec(tensionDecider);

const raised: TensionEventOf<"TensionRaised"> = {
  type: "TensionRaised",
  data: {
    initiativeIds: ["5d1f9a0e-7c3b-4e21-8a6f-3b9c0d2e4f01" as InitiativeId],
    category: "line-vs-collaboration",
    description: "Linjens prioriteringar drar åt ett annat håll än samverkan",
    intensity: 4,
    raisedOn: "2024-09-19",
  },
};
const governingContext: EscalationContext = {
  organisationId: "5d1f9a0e-7c3b-4e21-8a6f-3b9c0d2e4f10" as OrganisationId,
  contextId: "5d1f9a0e-7c3b-4e21-8a6f-3b9c0d2e4f11" as ContextId,
};
const escalation = { to: "organisation", note: "Behöver förvaltningsledningens beslut", on: "2024-10-01" } as const;

/** The organisation as the escalation sees it: registered, with the context mapped (or retired, or never mapped). */
const organisation = (context: GoverningContextStatus | undefined): GoverningContextFacts => ({
  status: "registered",
  name: "Västerås stad",
  context,
});
const escalate = (facts: GoverningContextFacts) =>
  ({ type: "EscalateTension", data: { ...escalation, governingContext, organisation: facts, today: "2099-12-31" } }) as const;

describe("EscalateTension to a governing context", () => {
  it("records the mapped context it goes to; the organisation is not recorded", () =>
    spec
      .given([raised])
      .when(escalate(organisation("mapped")))
      .then([{ type: "TensionEscalated", data: { ...escalation, governingContext } }]));
  it("still escalates without naming a context", () =>
    spec
      .given([raised])
      .when({ type: "EscalateTension", data: { ...escalation, today: "2099-12-31" } })
      .then([{ type: "TensionEscalated", data: escalation }]));
  it("rejects a context of an organisation that is not registered", () =>
    spec
      .given([raised])
      .when(escalate({ status: "unregistered" }))
      .thenRejects(OrganisationNotRegistered));
  it("rejects a context the organisation never mapped", () =>
    spec
      .given([raised])
      .when(escalate(organisation(undefined)))
      .thenRejects(GoverningContextNotMapped));
  it("rejects a retired context", () =>
    spec
      .given([raised])
      .when(escalate(organisation("retired")))
      .thenRejects(GoverningContextRetiredError));
});
