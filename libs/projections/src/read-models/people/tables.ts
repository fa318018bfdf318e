import type { TableDefinition } from "../../runner/projection-definition.js";

export const peopleTables = {
  /** Names stay sealed here as in the log; they are opened with the person's key when read. */
  people: {
    columns: `person_id TEXT PRIMARY KEY,
      organisation_id TEXT NOT NULL,
      name_sealed TEXT NOT NULL,                -- JSON SealedText
      email_sealed TEXT,
      registered_at TEXT NOT NULL,
      erased_on TEXT,
      erased_at TEXT`,
  },
  core_team_memberships: {
    columns: `position INTEGER PRIMARY KEY,
      person_id TEXT NOT NULL,
      focus_area TEXT NOT NULL,
      started_on TEXT NOT NULL,
      ended_on TEXT,
      ended_at TEXT,                            -- recorded time of the end
      recorded_at TEXT NOT NULL`,
    indexes: ["focus_area"],
    lookups: ["person_id"],
  },
  /** The logins linked to each person: the issuer and a digest of the subject, never the subject. */
  person_logins: {
    columns: `issuer TEXT NOT NULL,
      subject_digest TEXT NOT NULL,
      person_id TEXT NOT NULL,
      linked_by TEXT NOT NULL,                  -- admin | verified-email
      linked_at TEXT NOT NULL,
      PRIMARY KEY (issuer, subject_digest, person_id)`,
    lookups: ["person_id"],
  },
} satisfies Record<string, TableDefinition>;
