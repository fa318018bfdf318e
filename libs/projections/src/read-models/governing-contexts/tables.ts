import type { TableDefinition } from "../../runner/projection-definition.js";

export const governingContextTables = {
  organisations: {
    columns: `organisation_id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      kind TEXT NOT NULL,
      recorded_at TEXT NOT NULL`,
  },
  governing_contexts: {
    columns: `context_id TEXT PRIMARY KEY,
      organisation_id TEXT NOT NULL,
      name TEXT NOT NULL,
      kind TEXT NOT NULL,
      description TEXT NOT NULL,
      mapped_at TEXT NOT NULL,
      retired_at TEXT,
      retirement_reason TEXT`,
    indexes: ["organisation_id"],
  },
  /** Links of initiatives to contexts; an unlinked (or re-linked) row keeps its end. */
  context_links: {
    columns: `position INTEGER PRIMARY KEY,
      initiative_id TEXT NOT NULL,
      organisation_id TEXT NOT NULL,
      context_id TEXT NOT NULL,
      relation TEXT NOT NULL,
      linked_at TEXT NOT NULL,
      unlinked_at TEXT,
      unlink_reason TEXT`,
    indexes: ["initiative_id"],
    lookups: ["context_id"],
  },
} satisfies Record<string, TableDefinition>;
