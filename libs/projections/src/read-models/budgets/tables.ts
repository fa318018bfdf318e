import type { TableDefinition } from "../../runner/projection-definition.js";

export const budgetTables = {
  budgets: {
    columns: `focus_area TEXT NOT NULL,
      year INTEGER NOT NULL,
      decision TEXT,                            -- JSON, the approving decision
      proposed_total_sek INTEGER NOT NULL,      -- of the proposal as made; amendments change the lines only
      proposed_at TEXT NOT NULL,
      approved_at TEXT,                         -- approved once this is recorded
      PRIMARY KEY (focus_area, year)`,
  },
  /**
   * Every line the proposal or an amendment set; an amendment ends the lines before it
   * (ended_at), so the lines as known at any instant are a query.
   */
  budget_lines: {
    columns: `position INTEGER NOT NULL,             -- of the proposal or amendment that set the line
      ordinal INTEGER NOT NULL,
      focus_area TEXT NOT NULL,
      year INTEGER NOT NULL,
      line_id TEXT NOT NULL,
      purpose TEXT NOT NULL,
      initiative_id TEXT,
      amount_sek INTEGER NOT NULL,
      recorded_at TEXT NOT NULL,
      ended_at TEXT,                            -- recorded time of the amendment that replaced it
      PRIMARY KEY (position, ordinal)`,
    lookups: ["focus_area, year, ended_at"],
  },
  budget_amendments: {
    columns: `position INTEGER PRIMARY KEY,
      focus_area TEXT NOT NULL,
      year INTEGER NOT NULL,
      reason TEXT NOT NULL,
      decision TEXT NOT NULL,
      recorded_at TEXT NOT NULL`,
    indexes: ["focus_area, year"],
  },
  budget_external_funding: {
    columns: `position INTEGER PRIMARY KEY,
      focus_area TEXT NOT NULL,
      year INTEGER NOT NULL,
      source TEXT NOT NULL,
      amount_sek INTEGER NOT NULL,              -- as recorded: applied for, or received
      initiative_id TEXT,
      on_date TEXT NOT NULL,
      recorded_at TEXT NOT NULL,
      funding_id TEXT,                          -- null for fundings recorded before they had ids
      status TEXT NOT NULL,                     -- as recorded; granted for fundings recorded before statuses
      line_id TEXT                              -- as recorded; a later link is a change
    `,
    indexes: ["focus_area, year"],
  },
  /**
   * What happened to a funding after it was recorded: a status change (status, amount_sek,
   * on_date: valid from that day) or a link to a line (line_id: recorded time only).
   */
  budget_external_funding_changes: {
    columns: `position INTEGER PRIMARY KEY,
      funding_id TEXT NOT NULL,
      status TEXT,
      amount_sek INTEGER,
      on_date TEXT,
      line_id TEXT,
      recorded_at TEXT NOT NULL`,
    indexes: ["funding_id"],
  },
  budget_contributions: {
    columns: `position INTEGER PRIMARY KEY,
      focus_area TEXT NOT NULL,
      year INTEGER NOT NULL,
      contribution_id TEXT NOT NULL,
      organisation_id TEXT NOT NULL,
      initiative_id TEXT,                       -- null: to the focus area
      period_from TEXT NOT NULL,
      period_to TEXT NOT NULL,
      hours REAL NOT NULL,
      value_sek INTEGER NOT NULL,
      note TEXT,
      recorded_at TEXT NOT NULL`,
    indexes: ["focus_area, year"],
  },
  budget_reflections: {
    columns: `position INTEGER PRIMARY KEY,
      focus_area TEXT NOT NULL,
      year INTEGER NOT NULL,
      initiative_id TEXT,
      reflection TEXT NOT NULL,
      value_rating INTEGER NOT NULL,
      on_date TEXT NOT NULL,
      recorded_at TEXT NOT NULL,
      goal_ids TEXT NOT NULL DEFAULT '[]',      -- JSON: the goals it cites
      reading_ids TEXT NOT NULL DEFAULT '[]'    -- JSON: the indicator readings it cites
    `,
    indexes: ["focus_area, year"],
  },
} satisfies Record<string, TableDefinition>;
