import { z } from "zod";
import { FocusArea, OrganisationId, isoDate, name } from "../shared/schema-primitives.js";
import type { SealedText } from "./events.js";

/** What a client sends; the application seals name and email before the decider sees them. */
export const RegisterPersonInput = z.strictObject({
  organisationId: OrganisationId,
  name,
  email: z.email().max(254).optional(),
});
export const CoreTeamMembershipInput = z.strictObject({ focusArea: FocusArea, on: isoDate });
export const ErasePersonInput = z.strictObject({});

export type PersonCommand =
  | {
      readonly type: "RegisterPerson";
      readonly data: {
        readonly organisationId: OrganisationId;
        readonly name: SealedText;
        readonly email?: SealedText;
        /** Fact: the organisation is registered. */
        readonly organisationRegistered: boolean;
      };
    }
  | { readonly type: "StartCoreTeamMembership"; readonly data: z.infer<typeof CoreTeamMembershipInput> }
  | { readonly type: "EndCoreTeamMembership"; readonly data: z.infer<typeof CoreTeamMembershipInput> }
  | { readonly type: "ErasePerson"; readonly data: { readonly on: string } };
