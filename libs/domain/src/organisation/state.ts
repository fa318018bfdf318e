import type { ContextId } from "../shared/schema-primitives.js";

export type GoverningContextStatus = "mapped" | "retired";

export type OrganisationState =
  | { readonly status: "unregistered" }
  | {
      readonly status: "registered";
      readonly name: string;
      readonly contexts: ReadonlyMap<ContextId, GoverningContextStatus>;
    };

export const initialOrganisationState: OrganisationState = { status: "unregistered" };
