import type { Principal } from "#domain";

/** The principals the command integration tests act as; a lead is made by `leadOf` in initiative-history.ts. */
export const coreTeam: Principal = { id: "p-core", roles: ["core-team"] };
export const admin: Principal = { id: "p-admin", roles: ["admin"] };
export const auditor: Principal = { id: "p-audit", roles: ["auditor"] };
