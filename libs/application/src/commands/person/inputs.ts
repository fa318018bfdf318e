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

/** A login as the identity provider names it: the token's `iss` and `sub`, in the clear (only a digest is kept). */
export const LoginInput = z.strictObject({
  personId: PersonId,
  issuer: z.string().min(1).max(500),
  subject: z.string().min(1).max(500),
});
