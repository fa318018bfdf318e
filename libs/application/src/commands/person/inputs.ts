import { OrganisationId, PersonId, name, personEvents as events } from "#domain";
import { z } from "zod";

/** Name and e-mail in the clear: the pipeline seals them with the new person's own key. */
export const RegisterPersonInput = z.strictObject({
  organisationId: OrganisationId,
  name,
  email: z.email().max(254).optional(),
});
export const CoreTeamMembershipInput = events.CoreTeamMembershipStarted.schema.extend({ personId: PersonId });
/** The erasure carries nothing but whom: it is dated today. */
export const ErasePersonInput = z.strictObject({ personId: PersonId });
