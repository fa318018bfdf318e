import type { TableDefinition } from "../../runner/projection-definition.js";

export const initiativeOverviewTables = {
  initiatives: {
    columns: `initiative_id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      focus_area TEXT NOT NULL,
      description TEXT NOT NULL,
      organisation_ids TEXT NOT NULL,           -- JSON array
      registered_at TEXT NOT NULL,
      closed_on TEXT,                           -- valid time of the closure
      closed_at TEXT,                           -- recorded time of the closure
      closure_reason TEXT`,
    indexes: ["name"],
  },
  initiative_leads: {
    columns: `initiative_id TEXT NOT NULL,
      person_id TEXT NOT NULL,
      role TEXT NOT NULL,
      assigned_at TEXT NOT NULL,
      assigned_position INTEGER NOT NULL,
      unassigned_at TEXT,                       -- also set when a new role replaces this one
      unassigned_reason TEXT,
      PRIMARY KEY (initiative_id, assigned_position)`,
    // person_id: whom a person leads, asked on every request's sign-in.
    lookups: ["initiative_id, person_id", "person_id"],
  },
} satisfies Record<string, TableDefinition>;
