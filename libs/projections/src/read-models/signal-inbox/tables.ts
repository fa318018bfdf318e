import type { TableDefinition } from "../../runner/projection-definition.js";

export const signalInboxTables = {
  /** One row per signal; each step of its life keeps its recorded time, so its status at any instant is a query. */
  signals: {
    columns: `signal_id TEXT PRIMARY KEY,
      initiative_id TEXT NOT NULL,
      kind TEXT NOT NULL,
      summary TEXT NOT NULL,
      detail TEXT,
      mandate_position TEXT NOT NULL,
      mandate_id TEXT,
      clause_id TEXT,                           -- the clause of mandate_id the signal cites: S1, B2, P1 ...
      observed_on TEXT NOT NULL,
      submitted_at TEXT NOT NULL,
      submitted_position INTEGER NOT NULL,
      submitted_by TEXT NOT NULL,               -- actor id
      acknowledged_on TEXT,
      acknowledged_at TEXT,
      answered_at TEXT,
      response TEXT,
      outcome TEXT,
      follow_up TEXT,                           -- JSON { mandateId, amendment? } | { tensionId }
      withdrawn_at TEXT,
      withdrawal_reason TEXT`,
    indexes: ["initiative_id, submitted_position", "answered_at, withdrawn_at, submitted_position", "mandate_id, clause_id"],
  },
} satisfies Record<string, TableDefinition>;
