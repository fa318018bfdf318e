import type { TableDefinition } from "../../runner/projection-definition.js";

export const indicatorReadingTables = {
  /** One row per reading of a goal's indicator: `on_date` is its valid day, `recorded_at` when it became known. */
  indicator_readings: {
    columns: `position INTEGER PRIMARY KEY,
      initiative_id TEXT NOT NULL,
      goal_id TEXT NOT NULL,
      reading_id TEXT NOT NULL,
      value REAL NOT NULL,
      unit TEXT NOT NULL,
      on_date TEXT NOT NULL,
      note TEXT,
      recorded_at TEXT NOT NULL`,
    indexes: ["initiative_id, goal_id, on_date"],
  },
} satisfies Record<string, TableDefinition>;
