import type { TableDefinition } from "../../runner/projection-definition.js";

export const decisionLogTables = {
  meetings: {
    columns: `meeting_id TEXT PRIMARY KEY,
      body TEXT NOT NULL,
      focus_area TEXT NOT NULL,
      held_on TEXT NOT NULL,
      attendees TEXT NOT NULL,                  -- JSON array of person ids
      absentees TEXT NOT NULL,
      agenda TEXT NOT NULL,                     -- JSON array
      approved_on TEXT,
      recorded_at TEXT NOT NULL`,
    indexes: ["held_on"],
  },
  meeting_decisions: {
    columns: `decision_id TEXT PRIMARY KEY,
      meeting_id TEXT NOT NULL,
      subject TEXT NOT NULL,
      decision TEXT NOT NULL,
      rationale TEXT,
      kind TEXT NOT NULL,
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
  meeting_next_steps: {
    columns: `next_step_id TEXT PRIMARY KEY,
      meeting_id TEXT NOT NULL,
      text TEXT NOT NULL,
      owner_id TEXT,
      due TEXT,
      recorded_at TEXT NOT NULL,
      position INTEGER NOT NULL`,
    indexes: ["meeting_id, position"],
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
} satisfies Record<string, TableDefinition>;
