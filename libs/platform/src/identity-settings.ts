import type { ProviderRole } from "#domain";
import { z } from "zod";

const flag = z.enum(["on", "off"]);

/** The variables that say how a token's identity is read (docs/api.md "Roles and tokens"). */
export const IDENTITY_ENVIRONMENT = {
  /** The claim with the provider's roles: a name, or a dotted path such as `realm_access.roles`. */
  AUTH_ROLES_CLAIM: z.string().min(1).max(200).default("roles"),
  /** The provider's name for the admin role. */
  AUTH_ADMIN_ROLE: z.string().min(1).max(200).default("admin"),
  /** The provider's name for the auditor role. */
  AUTH_AUDITOR_ROLE: z.string().min(1).max(200).default("auditor"),
  /** Link a first sign-in to the registered person with the same, verified, e-mail. */
  AUTH_LINK_BY_EMAIL: flag.default("off"),
};
const IdentityEnvironment = z.object(IDENTITY_ENVIRONMENT);

export interface IdentitySettings {
  readonly rolesClaim: string;
  readonly roleNames: Readonly<Record<ProviderRole, string>>;
  readonly linkByVerifiedEmail: boolean;
}

export const identitySettings = (e: z.output<typeof IdentityEnvironment>): IdentitySettings => ({
  rolesClaim: e.AUTH_ROLES_CLAIM,
  roleNames: { admin: e.AUTH_ADMIN_ROLE, auditor: e.AUTH_AUDITOR_ROLE },
  linkByVerifiedEmail: e.AUTH_LINK_BY_EMAIL === "on",
});

/** What tests and tools use when no environment says otherwise. */
export const DEFAULT_IDENTITY_SETTINGS: IdentitySettings = identitySettings(IdentityEnvironment.parse({}));
