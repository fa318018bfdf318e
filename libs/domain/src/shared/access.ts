/** The roles of docs/domain.md "Roles". */
export const ROLES = ["admin", "core-team", "initiative-lead", "auditor"] as const;
export type Role = (typeof ROLES)[number];

/** The roles the identity provider grants; `core-team` and `initiative-lead` come from the log. */
export const PROVIDER_ROLES = ["admin", "auditor"] as const satisfies ReadonlyArray<Role>;
export type ProviderRole = (typeof PROVIDER_ROLES)[number];

/**
 * Who acts in a request: the person the token's login is linked to, if any, and the roles
 * held on the request's day (admin and auditor as the identity provider says; core-team
 * from an active membership in the log; initiative-lead while the person leads an
 * initiative). Whether a lead may act for a given initiative is never read from here: each
 * command checks it against the initiative's own stream.
 */
export interface Principal {
  /** Recorded as the actor: the person's id, or the token's subject when no person is linked. */
  readonly id: string;
  readonly name?: string;
  /** The person the login is linked to; absent for an admin or auditor who is no person of the log. */
  readonly personId?: string;
  readonly roles: ReadonlyArray<Role>;
}

/** Who leads one initiative, as its stream holds them (a map of leads or a set of ids). */
export interface InitiativeLeads {
  has(personId: string): boolean;
}

export const hasAnyRole = (principal: Principal, roles: ReadonlyArray<Role>): boolean =>
  principal.roles.some((role) => roles.includes(role));

/**
 * The check before any stream is read: a role the command admits, or, where it admits
 * leads, a person (whether they lead the initiative is then checked against its stream, so
 * a lead assigned a moment ago is not refused by a view that has not caught up yet).
 */
export const mayIssue = (principal: Principal, roles: ReadonlyArray<Role>): boolean =>
  hasAnyRole(principal, roles) || (roles.includes("initiative-lead") && principal.personId !== undefined);

/** The principal is a person who leads every one of the initiatives (and there is at least one). */
export const leadsAll = (principal: Principal, initiatives: ReadonlyArray<InitiativeLeads>): boolean => {
  const { personId } = principal;
  return personId !== undefined && initiatives.length > 0 && initiatives.every((leads) => leads.has(personId));
};

/** Core Team members act for every initiative; leads only for those they lead. */
export const actsFor = (principal: Principal, initiatives: ReadonlyArray<InitiativeLeads>): boolean =>
  principal.roles.includes("core-team") || leadsAll(principal, initiatives);
