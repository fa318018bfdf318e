import type { DecisionKind, MeetingBody } from "#domain";
import type Database from "better-sqlite3";
import { groupBy } from "../../runner/group-by.js";
import { prepared } from "../../runner/prepared.js";
import { inOneSnapshot } from "../../runner/read-snapshot.js";

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
  return inOneSnapshot(db, () => {
    const row = prepared<[string], MeetingRow>(db, "SELECT * FROM meetings WHERE meeting_id = ?").get(meetingId);
    if (!row) return undefined;
    const decisions = prepared<[string], MeetingDecision>(
      db,
      `SELECT decision_id AS decisionId, subject, decision, rationale, kind
       FROM meeting_decisions WHERE meeting_id = ? ORDER BY position`,
    ).all(meetingId);
    const comments = prepared<[string], MeetingMinutes["comments"][number]>(
      db,
      "SELECT topic, comment FROM meeting_comments WHERE meeting_id = ? ORDER BY position",
    ).all(meetingId);
    const nextSteps = prepared<[string], MeetingMinutes["nextSteps"][number]>(
      db,
      `SELECT next_step_id AS nextStepId, text, owner_id AS ownerId, due
       FROM meeting_next_steps WHERE meeting_id = ? ORDER BY position`,
    ).all(meetingId);
    const corrections = prepared<[string], MeetingMinutes["corrections"][number]>(
      db,
      `SELECT correction, reason, recorded_at AS recordedAt
       FROM meeting_corrections WHERE meeting_id = ? ORDER BY position`,
    ).all(meetingId);
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
  });
}

/**
 * Decisions of the meetings held within [from, to] (inclusive dates), by meeting date and
 * then as recorded, each with the events that cite it in log order.
 */
export function decisionLog(
  db: Database.Database,
  period: { readonly from?: string; readonly to?: string } = {},
): ReadonlyArray<DecisionLogEntry> {
  // Without a bound, the range is the whole calendar: one statement, and the held_on index serves it.
  const range = { from: period.from ?? "0000-01-01", to: period.to ?? "9999-12-31" };
  return inOneSnapshot(db, () => {
    const decisions = prepared<[typeof range], Omit<DecisionLogEntry, "effects">>(
      db,
      `SELECT d.meeting_id AS meetingId, d.decision_id AS decisionId, m.held_on AS heldOn, d.subject, d.decision, d.kind
       FROM meetings m JOIN meeting_decisions d ON d.meeting_id = m.meeting_id
       WHERE m.held_on BETWEEN @from AND @to
       ORDER BY m.held_on, d.position`,
    ).all(range);
    const effects = prepared<[typeof range], DecisionEffect & { meetingId: string; decisionId: string }>(
      db,
      `SELECT e.meeting_id AS meetingId, e.decision_id AS decisionId, e.stream_id AS streamId, e.type, e.position
       FROM meetings m JOIN decision_effects e ON e.meeting_id = m.meeting_id
       WHERE m.held_on BETWEEN @from AND @to
       ORDER BY e.position`,
    ).all(range);
    const effectsByDecision = groupBy(effects, ({ meetingId, decisionId, ...effect }) => [
      decisionKey(meetingId, decisionId),
      effect,
    ]);
    return decisions.map((d) => ({ ...d, effects: effectsByDecision.get(decisionKey(d.meetingId, d.decisionId)) ?? [] }));
  });
}

const decisionKey = (meetingId: string, decisionId: string) => `${meetingId}/${decisionId}`;
