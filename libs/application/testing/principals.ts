import type { Principal } from "#domain";

/** The principals the command integration tests act as. */
export const coreTeam: Principal = { id: "p-core", roles: ["core-team"], initiatives: [] };
export const admin: Principal = { id: "p-admin", roles: ["admin"], initiatives: [] };
export const auditor: Principal = { id: "p-audit", roles: ["auditor"], initiatives: [] };
export const leadOf = (...initiatives: string[]): Principal => ({ id: "p-lead", roles: ["initiative-lead"], initiatives });
