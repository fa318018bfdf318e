/** The roles of docs/domain.md "Roles". */
export const ROLES = ["admin", "core-team", "initiative-lead", "auditor"] as const;
export type Role = (typeof ROLES)[number];

/** Who is acting: the verified subject of a token, with the initiatives a lead may act for. */
export interface Principal {
  readonly id: string;
  readonly name?: string;
  readonly roles: ReadonlyArray<Role>;
  readonly initiatives: ReadonlyArray<string>;
}

export const hasAnyRole = (principal: Principal, roles: ReadonlyArray<Role>): boolean =>
  principal.roles.some((role) => roles.includes(role));

/** A lead acts only for the initiatives named in their token. */
export const leads = (principal: Principal, initiativeId: string): boolean =>
  principal.roles.includes("initiative-lead") && principal.initiatives.includes(initiativeId);

/** Core Team members act for every initiative; leads only for their own. */
export const actsFor = (principal: Principal, initiativeIds: ReadonlyArray<string>): boolean =>
  principal.roles.includes("core-team") || (initiativeIds.length > 0 && initiativeIds.every((id) => leads(principal, id)));
