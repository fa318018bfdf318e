import type { DecisionKind, MeetingBody } from "#domain";
import type Database from "better-sqlite3";
import { prepared } from "../../runner/prepared.js";

export interface MeetingDecision {
  readonly decisionId: string;
  readonly subject: string;
  readonly decision: string;
  readonly rationale: string | null;
  readonly kind: DecisionKind;
}

export interface MeetingMinutes {
  readonly id: string;
  readonly body: MeetingBody;
  readonly focusArea: string;
  readonly heldOn: string;
  readonly attendees: ReadonlyArray<string>;
  readonly absentees: ReadonlyArray<string>;
  readonly agenda: ReadonlyArray<string>;
  readonly decisions: ReadonlyArray<MeetingDecision>;
  readonly comments: ReadonlyArray<{ readonly topic: string; readonly comment: string }>;
  readonly nextSteps: ReadonlyArray<{
    readonly nextStepId: string;
    readonly text: string;
    readonly ownerId: string | null;
    readonly due: string | null;
  }>;
  /** Corrections after approval: they amend the minutes without rewriting them. */
  readonly corrections: ReadonlyArray<{ readonly correction: string; readonly reason: string; readonly recordedAt: string }>;
  readonly approved: boolean;
  readonly approvedOn: string | null;
}

/** An event that cites a decision: what the decision caused. */
export interface DecisionEffect {
  readonly streamId: string;
  readonly type: string;
  readonly position: number;
}

export interface DecisionLogEntry {
  readonly meetingId: string;
  readonly decisionId: string;
  readonly heldOn: string;
  readonly subject: string;
  readonly decision: string;
  readonly kind: DecisionKind;
  readonly effects: ReadonlyArray<DecisionEffect>;
}

interface MeetingRow {
  meeting_id: string;
  body: MeetingBody;
  focus_area: string;
  held_on: string;
  attendees: string;
  absentees: string;
  agenda: string;
  approved_on: string | null;
}

/** The minutes of one meeting, with corrections made after approval; undefined for an unknown meeting. */
export function meeting(db: Database.Database, meetingId: string): MeetingMinutes | undefined {
  const row = prepared<[string], MeetingRow>(db, "SELECT * FROM meetings WHERE meeting_id = ?").get(meetingId);
  if (!row) return undefined;
  const decisions = prepared<[string], MeetingDecision>(db, 
      `SELECT decision_id AS decisionId, subject, decision, rationale, kind
       FROM meeting_decisions WHERE meeting_id = ? ORDER BY position`,
    )
    .all(meetingId);
  const comments = prepared<[string], MeetingMinutes["comments"][number]>(db, 
      "SELECT topic, comment FROM meeting_comments WHERE meeting_id = ? ORDER BY position",
    )
    .all(meetingId);
  const nextSteps = prepared<[string], MeetingMinutes["nextSteps"][number]>(db, 
      `SELECT next_step_id AS nextStepId, text, owner_id AS ownerId, due
       FROM meeting_next_steps WHERE meeting_id = ? ORDER BY position`,
    )
    .all(meetingId);
  const corrections = prepared<[string], MeetingMinutes["corrections"][number]>(db, 
      `SELECT correction, reason, recorded_at AS recordedAt
       FROM meeting_corrections WHERE meeting_id = ? ORDER BY position`,
    )
    .all(meetingId);
  return {
    id: row.meeting_id,
    body: row.body,
    focusArea: row.focus_area,
    heldOn: row.held_on,
    attendees: JSON.parse(row.attendees) as string[],
    absentees: JSON.parse(row.absentees) as string[],
    agenda: JSON.parse(row.agenda) as string[],
    decisions,
    comments,
    nextSteps,
    corrections,
    approved: row.approved_on !== null,
    approvedOn: row.approved_on,
  };
}

/**
 * Decisions of the meetings held within [from, to] (inclusive dates), by meeting date and
 * then as recorded, each with the events that cite it in log order.
 */
export function decisionLog(
  db: Database.Database,
  period: { readonly from?: string; readonly to?: string } = {},
): ReadonlyArray<DecisionLogEntry> {
  const range = { from: period.from ?? null, to: period.to ?? null };
  const decisions = prepared<[typeof range], Omit<DecisionLogEntry, "effects">>(db, 
      `SELECT d.meeting_id AS meetingId, d.decision_id AS decisionId, m.held_on AS heldOn, d.subject, d.decision, d.kind
       FROM meeting_decisions d JOIN meetings m ON m.meeting_id = d.meeting_id
       WHERE (@from IS NULL OR m.held_on >= @from) AND (@to IS NULL OR m.held_on <= @to)
       ORDER BY m.held_on, d.position`,
    )
    .all(range);
  const effects = prepared<[typeof range], DecisionEffect & { meetingId: string; decisionId: string }>(db, 
      `SELECT e.meeting_id AS meetingId, e.decision_id AS decisionId, e.stream_id AS streamId, e.type, e.position
       FROM decision_effects e JOIN meetings m ON m.meeting_id = e.meeting_id
       WHERE (@from IS NULL OR m.held_on >= @from) AND (@to IS NULL OR m.held_on <= @to)
       ORDER BY e.position`,
    )
    .all(range);
  const effectsByDecision = new Map<string, DecisionEffect[]>();
  for (const { meetingId, decisionId, ...effect } of effects) {
    const key = decisionKey(meetingId, decisionId);
    const cited = effectsByDecision.get(key);
    if (cited) cited.push(effect);
    else effectsByDecision.set(key, [effect]);
  }
  return decisions.map((d) => ({ ...d, effects: effectsByDecision.get(decisionKey(d.meetingId, d.decisionId)) ?? [] }));
}

const decisionKey = (meetingId: string, decisionId: string) => `${meetingId}/${decisionId}`;
