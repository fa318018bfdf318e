import { z } from "zod";
import { ContextId, longText, name, optionalLongText } from "../shared/schema-primitives.js";
import { GoverningContextKind, OrganisationKind } from "./events.js";

export const RegisterOrganisationInput = z.strictObject({ name, kind: OrganisationKind });
export const MapGoverningContextInput = z.strictObject({
  name,
  kind: GoverningContextKind,
  description: optionalLongText,
});
export const RetireGoverningContextInput = z.strictObject({ reason: longText });

export type OrganisationCommand =
  | { readonly type: "RegisterOrganisation"; readonly data: z.infer<typeof RegisterOrganisationInput> }
  | {
      readonly type: "MapGoverningContext";
      readonly data: z.infer<typeof MapGoverningContextInput> & { readonly contextId: ContextId };
    }
  | {
      readonly type: "RetireGoverningContext";
      readonly data: z.infer<typeof RetireGoverningContextInput> & { readonly contextId: ContextId };
    };
