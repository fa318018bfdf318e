import type { ContextId } from "../shared/schema-primitives.js";
import type { GoverningContextStatus, OrganisationState } from "./state.js";

/**
 * What linking one of an organisation's governing contexts needs to know of the
 * organisation: whether it is registered, its name for messages, and that context's status
 * (undefined when it never mapped it).
 */
export type GoverningContextFacts =
  | { readonly status: "unregistered" }
  | { readonly status: "registered"; readonly name: string; readonly context: GoverningContextStatus | undefined };

export const governingContextFacts = (state: OrganisationState, contextId: ContextId): GoverningContextFacts =>
  state.status === "unregistered"
    ? { status: "unregistered" }
    : { status: "registered", name: state.name, context: state.contexts.get(contextId) };
