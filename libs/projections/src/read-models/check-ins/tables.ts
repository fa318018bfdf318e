import type { TableDefinition } from "../../runner/projection-definition.js";

export const checkInTables = {
  check_ins: {
    columns: `check_in_id TEXT NOT NULL,
      initiative_id TEXT NOT NULL,
      held_on TEXT NOT NULL,
      participants TEXT NOT NULL,               -- JSON array of person ids
      mandate_clarity INTEGER NOT NULL,
      confidence INTEGER NOT NULL,
      leadership_needed TEXT NOT NULL,
      notes TEXT NOT NULL,
      next_check_in_on TEXT,
      recorded_at TEXT NOT NULL,
      position INTEGER NOT NULL`,
    indexes: ["initiative_id, held_on"],
    keys: ["check_in_id"],
  },
  /** Every cadence agreed, in order; the one in force as known at `asOf` is the last recorded by then. */
  check_in_cadences: {
    columns: `initiative_id TEXT NOT NULL,
      every_days INTEGER NOT NULL,
      recorded_at TEXT NOT NULL,
      position INTEGER NOT NULL PRIMARY KEY`,
    indexes: ["initiative_id, position"],
  },
} satisfies Record<string, TableDefinition>;
