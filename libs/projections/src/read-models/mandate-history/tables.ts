import type { TableDefinition } from "../../runner/projection-definition.js";

export const mandateHistoryTables = {
  /**
   * One row per mandate event, in recording order: what the event says, and the validity
   * after it. The terms a version shows are read from these rows by `mandateHistoryRows`
   * (libs/domain), the one reading of docs/domain.md "Mandates in valid time"; the terms in
   * force on a day are folded from the grant's terms and the amendments' `changes`.
   */
  mandate_versions: {
    columns: `initiative_id TEXT NOT NULL,
      mandate_id TEXT NOT NULL,
      version INTEGER NOT NULL,                 -- 1 for the grant, then 2, 3, ...
      change TEXT NOT NULL,                     -- granted | amended | renewed | revoked
      scope TEXT,                               -- JSON array of { id, text }; scope ... budget_sek: the grant's terms, grant rows only
      boundaries TEXT,                          -- JSON array of { id, text }
      principles TEXT,                          -- JSON array of { id, text }
      steering TEXT,
      budget_sek INTEGER,
      valid_from TEXT NOT NULL,                 -- validity after this event
      valid_until TEXT,
      revoked_from TEXT,
      effective_from TEXT,                      -- the grant's validFrom, an amendment's or revocation's effectiveFrom; NULL for a renewal
      changes TEXT,                             -- JSON, amendments only, every clause numbered
      reason TEXT,
      triggered_by TEXT,                        -- JSON { signalId } | { tensionId }
      decision TEXT,                            -- JSON { meetingId, decisionId }
      recorded_at TEXT NOT NULL,
      recorded_by TEXT NOT NULL,                -- the actor's id
      position INTEGER NOT NULL,
      PRIMARY KEY (mandate_id, version)`,
    indexes: [
      "initiative_id, position",
      "mandate_id, change, effective_from",
      // Covers the validity of the mandates in force on a day (mandateInForce), read on every overview.
      "initiative_id, valid_from, change, recorded_at, mandate_id, position, valid_until, revoked_from",
    ],
  },
} satisfies Record<string, TableDefinition>;
