import type { TableDefinition } from "../../runner/projection-definition.js";

export const mandateHistoryTables = {
  /**
   * One row per mandate version, in recording order. Terms (scope ... budget_sek) are the
   * mandate's terms after this version as recorded; validity columns likewise. For valid
   * time, `effective_from` is the day this version's change takes effect, and `changes`
   * holds an amendment's own changes so terms on any date can be folded from the rows.
   */
  mandate_versions: {
    columns: `initiative_id TEXT NOT NULL,
      mandate_id TEXT NOT NULL,
      version INTEGER NOT NULL,                 -- 1 for the grant, then 2, 3, ...
      change TEXT NOT NULL,                     -- granted | amended | renewed | revoked
      scope TEXT NOT NULL,                      -- JSON array
      boundaries TEXT NOT NULL,                 -- JSON array
      principles TEXT NOT NULL,                 -- JSON array
      steering TEXT NOT NULL,
      budget_sek INTEGER,
      valid_from TEXT NOT NULL,
      valid_until TEXT,
      revoked_from TEXT,
      effective_from TEXT NOT NULL,
      changes TEXT,                             -- JSON, amendments only
      reason TEXT,
      triggered_by TEXT,                        -- JSON { signalId } | { tensionId }
      decision TEXT,                            -- JSON { meetingId, decisionId }
      recorded_at TEXT NOT NULL,
      position INTEGER NOT NULL,
      PRIMARY KEY (mandate_id, version)`,
    indexes: ["initiative_id, position", "mandate_id, change, effective_from"],
  },
} satisfies Record<string, TableDefinition>;
