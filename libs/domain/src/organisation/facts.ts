import { type Decision, reject } from "../shared/decision.js";
import type { ContextId } from "../shared/schema-primitives.js";
import { GoverningContextNotMapped, GoverningContextRetiredError, OrganisationNotRegistered } from "./errors.js";
import type { GoverningContextStatus, OrganisationState } from "./state.js";

/**
 * What naming one of an organisation's governing contexts (linking it to an initiative,
 * escalating a tension to it) needs to know of the organisation: whether it is registered, its name for messages, and that context's status
 * (undefined when it never mapped it).
 */
export type GoverningContextFacts =
  | { readonly status: "unregistered" }
  | { readonly status: "registered"; readonly name: string; readonly context: GoverningContextStatus | undefined };

export const governingContextFacts = (state: OrganisationState, contextId: ContextId): GoverningContextFacts =>
  state.status === "unregistered"
    ? { status: "unregistered" }
    : { status: "registered", name: state.name, context: state.contexts.get(contextId) };

/**
 * The rule wherever a governing context is named to be used: the organisation is registered,
 * it mapped the context, and the context is not retired.
 */
export const rejectUnusableContext = (
  organisation: GoverningContextFacts,
  named: { readonly organisationId: string; readonly contextId: string },
): Decision<never> | undefined => {
  if (organisation.status !== "registered") {
    return reject(new OrganisationNotRegistered({ detail: `Organisation ${named.organisationId} is not registered` }));
  }
  const { context } = organisation;
  if (context === undefined) {
    return reject(new GoverningContextNotMapped({ detail: `${organisation.name} has not mapped context ${named.contextId}` }));
  }
  if (context === "retired") return reject(new GoverningContextRetiredError({ detail: `Context ${named.contextId} is retired` }));
  return undefined;
};
