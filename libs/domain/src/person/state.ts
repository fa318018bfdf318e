import type { FocusArea, OrganisationId } from "../shared/schema-primitives.js";

export type PersonState =
  | { readonly status: "unregistered" }
  | {
      readonly status: "registered" | "erased";
      readonly organisationId: OrganisationId;
      /** Focus areas whose Core Team the person is in, with the date they joined. */
      readonly coreTeam: ReadonlyMap<FocusArea, string>;
    };

export const initialPersonState: PersonState = { status: "unregistered" };
