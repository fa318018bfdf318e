import type { TableDefinition } from "../../runner/projection-definition.js";

export const tensionTimelineTables = {
  tensions: {
    columns: `tension_id TEXT PRIMARY KEY,
      category TEXT NOT NULL,
      description TEXT NOT NULL,
      raised_on TEXT NOT NULL,
      raised_at TEXT NOT NULL,
      raised_position INTEGER NOT NULL,
      source TEXT,                              -- JSON { signalId } | { checkInId } | { meetingId }
      closed_as TEXT,                           -- resolved | dropped
      closed_on TEXT,                           -- valid time of the resolution or drop
      closed_at TEXT,                           -- its recorded time
      resolution TEXT`,
    indexes: ["raised_on, raised_position"],
  },
  /** The initiatives the raise names, recorded with it (see `tensions`); none for one within the Core Team. */
  tension_initiatives: {
    columns: `tension_id TEXT NOT NULL,
      initiative_id TEXT NOT NULL,
      -- its place in the raise's list
      ordinal INTEGER NOT NULL`,
    indexes: ["tension_id, ordinal"],
    keys: ["initiative_id, tension_id"],
  },
  /** The raised intensity and every change, each with the day it holds from. */
  tension_intensities: {
    columns: `tension_id TEXT NOT NULL,
      intensity INTEGER NOT NULL,
      on_date TEXT NOT NULL,
      note TEXT,
      recorded_at TEXT NOT NULL,
      position INTEGER NOT NULL PRIMARY KEY`,
    indexes: ["tension_id, on_date"],
  },
  /** Every escalation, so the level a tension was escalated to is known at any `at` and `asOf`. */
  tension_escalations: {
    columns: `tension_id TEXT NOT NULL,
      escalated_to TEXT NOT NULL,
      on_date TEXT NOT NULL,
      note TEXT NOT NULL,
      context_organisation_id TEXT,            -- the governing context it goes to, when named
      context_id TEXT,
      recorded_at TEXT NOT NULL,
      position INTEGER NOT NULL PRIMARY KEY`,
    indexes: ["tension_id, on_date"],
  },
} satisfies Record<string, TableDefinition>;
