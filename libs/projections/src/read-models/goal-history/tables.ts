import type { TableDefinition } from "../../runner/projection-definition.js";

export const goalHistoryTables = {
  /** One row per goal event; a goal's state as known at `asOf` is its last row recorded by then. */
  goal_versions: {
    columns: `initiative_id TEXT NOT NULL,
      goal_id TEXT NOT NULL,
      version INTEGER NOT NULL,
      change TEXT NOT NULL,                     -- set | revised | achieved | dropped
      status TEXT NOT NULL,                     -- active | achieved | dropped
      statement TEXT NOT NULL,
      indicator TEXT,
      target_date TEXT,
      achieved_on TEXT,                         -- valid time of an achievement
      evidence TEXT,
      reason TEXT,
      recorded_at TEXT NOT NULL,
      position INTEGER NOT NULL,
      PRIMARY KEY (goal_id, version)`,
    indexes: ["initiative_id, position"],
  },
} satisfies Record<string, TableDefinition>;
