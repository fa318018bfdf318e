import type { TableDefinition } from "../../runner/projection-definition.js";

export const decisionLogTables = {
  /** One row per meeting: planned, then held (or held directly). */
  meetings: {
    columns: `meeting_id TEXT PRIMARY KEY,
      body TEXT NOT NULL,
      focus_area TEXT NOT NULL,
      planned_on TEXT,                          -- a planned meeting's date
      held_on TEXT,                             -- null while only planned
      attendees TEXT NOT NULL,                  -- JSON array of person ids
      absentees TEXT NOT NULL,
      agenda TEXT NOT NULL,                     -- JSON array of { title, source }: § 1, § 2, ... in order
      approved_on TEXT,                         -- MinutesApproved (minutes without adjusters)
      approved_recorded_at TEXT,
      approved_seal TEXT,                       -- JSON: the log's seal MinutesApproved carries
      recorded_at TEXT NOT NULL,                -- the first event: planned or held
      held_recorded_at TEXT`,
    indexes: ["held_on"],
  },
  /** Every appointment of chair, secretary and adjusters; the latest recorded by asOf counts. */
  meeting_officers: {
    columns: `position INTEGER PRIMARY KEY,
      meeting_id TEXT NOT NULL,
      chair_id TEXT NOT NULL,
      secretary_id TEXT NOT NULL,
      adjuster_ids TEXT NOT NULL,               -- JSON array of the two person ids
      recorded_at TEXT NOT NULL`,
    indexes: ["meeting_id"],
  },
  meeting_adjustments: {
    columns: `position INTEGER PRIMARY KEY,
      meeting_id TEXT NOT NULL,
      adjuster_id TEXT NOT NULL,
      adjusted_on TEXT NOT NULL,
      seal TEXT,                                -- JSON: the log's seal the adjustment carries
      recorded_at TEXT NOT NULL`,
    indexes: ["meeting_id"],
  },
  meeting_decisions: {
    columns: `decision_id TEXT PRIMARY KEY,
      meeting_id TEXT NOT NULL,
      subject TEXT NOT NULL,
      decision TEXT NOT NULL,
      rationale TEXT,
      kind TEXT NOT NULL,
      paragraph INTEGER,                        -- the agenda item's §; null before § existed
      recorded_at TEXT NOT NULL,
      position INTEGER NOT NULL`,
    indexes: ["meeting_id, position"],
  },
  meeting_comments: {
    columns: `position INTEGER PRIMARY KEY,
      meeting_id TEXT NOT NULL,
      topic TEXT NOT NULL,
      comment TEXT NOT NULL,
      recorded_at TEXT NOT NULL`,
    indexes: ["meeting_id"],
  },
  /** A next step keeps its row when done or dropped, with the day and the instant it closed. */
  meeting_next_steps: {
    columns: `next_step_id TEXT PRIMARY KEY,
      meeting_id TEXT NOT NULL,
      text TEXT NOT NULL,
      owner_id TEXT,
      due TEXT,
      recorded_at TEXT NOT NULL,
      position INTEGER NOT NULL,
      closed_as TEXT,                           -- done or dropped
      closed_on TEXT,
      closed_reason TEXT,
      closed_recorded_at TEXT`,
    indexes: ["meeting_id, position", "closed_on"],
  },
  meeting_corrections: {
    columns: `position INTEGER PRIMARY KEY,
      meeting_id TEXT NOT NULL,
      correction TEXT NOT NULL,
      reason TEXT NOT NULL,
      recorded_at TEXT NOT NULL`,
    indexes: ["meeting_id"],
  },
  /** Every event that cites a decision through its `decision` reference. */
  decision_effects: {
    columns: `position INTEGER PRIMARY KEY,
      meeting_id TEXT NOT NULL,
      decision_id TEXT NOT NULL,
      stream_id TEXT NOT NULL,
      type TEXT NOT NULL,
      recorded_at TEXT NOT NULL`,
    indexes: ["meeting_id"],
  },
  /** Delegationsbeslut: mandate events recorded without a meeting's decision. */
  delegation_decisions: {
    columns: `initiative_id TEXT NOT NULL,
      revision INTEGER NOT NULL,
      type TEXT NOT NULL,
      mandate_id TEXT NOT NULL,
      effective_from TEXT,                      -- validFrom or effectiveFrom; null for a renewal
      reason TEXT,
      actor_id TEXT NOT NULL,                   -- who took it
      recorded_at TEXT NOT NULL,
      position INTEGER NOT NULL,
      PRIMARY KEY (initiative_id, revision)`,
    indexes: ["position"],
  },
  /** Which meeting was told of which delegation decision (anmälan av delegationsbeslut). */
  delegation_reports: {
    columns: `position INTEGER NOT NULL,
      item INTEGER NOT NULL,                    -- its place in the report
      meeting_id TEXT NOT NULL,
      initiative_id TEXT NOT NULL,
      revision INTEGER NOT NULL,
      recorded_at TEXT NOT NULL,
      PRIMARY KEY (position, item)`,
    indexes: ["meeting_id", "initiative_id, revision"],
  },
  /** Diarienummer given to minutes (no decision_id) and to decisions. */
  registration_numbers: {
    columns: `position INTEGER PRIMARY KEY,
      meeting_id TEXT NOT NULL,
      decision_id TEXT,
      number TEXT NOT NULL,
      recorded_at TEXT NOT NULL`,
    indexes: ["meeting_id"],
  },
} satisfies Record<string, TableDefinition>;
