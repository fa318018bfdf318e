import type { AgendaSource, DecisionKind, DelegationDecisionRef, LogSeal, MeetingBody } from "#domain";
import type Database from "better-sqlite3";
import { groupBy } from "../../runner/group-by.js";
import { type Page, type PageRequest, type SortColumn, WHOLE_LIST, keysetSql, pageOfRows } from "../../runner/pagination.js";
import { prepared } from "../../runner/prepared.js";
import { inOneSnapshot } from "../../runner/read-snapshot.js";

export interface MeetingDecision {
  readonly decisionId: string;
  readonly subject: string;
  readonly decision: string;
  readonly rationale: string | null;
  readonly kind: DecisionKind;
  /** The § of the agenda item it was taken under; null for decisions recorded without one. */
  readonly paragraph: number | null;
}

/** An agenda item as a paragraph of the minutes, with the open item it was planned from. */
export interface AgendaItemView {
  readonly paragraph: number;
  readonly title: string;
  readonly source: AgendaSource | null;
}

export type NextStepStatus = "open" | "done" | "dropped";

export interface NextStepView {
  readonly nextStepId: string;
  readonly text: string;
  readonly ownerId: string | null;
  readonly due: string | null;
  readonly status: NextStepStatus;
  /** The day it was marked done or dropped, once that is known and on or before `at`. */
  readonly closedOn: string | null;
  readonly reason: string | null;
}

export interface MeetingMinutes {
  readonly id: string;
  readonly body: MeetingBody;
  readonly focusArea: string;
  /** `planned` until held; `approved` once approved, or adjusted by both adjusters. */
  readonly status: "planned" | "held" | "approved";
  readonly plannedOn: string | null;
  readonly heldOn: string | null;
  readonly attendees: ReadonlyArray<string>;
  readonly absentees: ReadonlyArray<string>;
  /** The agenda's titles, § 1 first (as before agenda items carried their §). */
  readonly agenda: ReadonlyArray<string>;
  readonly agendaItems: ReadonlyArray<AgendaItemView>;
  readonly chairId: string | null;
  readonly secretaryId: string | null;
  /** The two adjusters (justerare); empty when none are appointed. */
  readonly adjusterIds: ReadonlyArray<string>;
  readonly adjustments: ReadonlyArray<{ readonly adjusterId: string; readonly on: string; readonly recordedAt: string }>;
  /** By §, decisions without a § last, and as recorded within each. */
  readonly decisions: ReadonlyArray<MeetingDecision>;
  readonly comments: ReadonlyArray<{ readonly topic: string; readonly comment: string }>;
  readonly nextSteps: ReadonlyArray<NextStepView>;
  /** Anmälan av delegationsbeslut: the delegation decisions this meeting was told of. */
  readonly reportedDelegationDecisions: ReadonlyArray<DelegationDecisionRef>;
  /** Corrections after approval: they amend the minutes without rewriting them. */
  readonly corrections: ReadonlyArray<{ readonly correction: string; readonly reason: string; readonly recordedAt: string }>;
  readonly approved: boolean;
  readonly approvedOn: string | null;
  /**
   * The seal of the whole log the approving event carries (MinutesApproved, or the later of
   * the two adjustments): printed with the protocol, it anchors the log outside the system.
   * Null until approved, and for approvals made where no sealer ran.
   */
  readonly approvalSeal: LogSeal | null;
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
  readonly paragraph: number | null;
  readonly subject: string;
  readonly decision: string;
  readonly kind: DecisionKind;
  /** Its diarienummer, once given by `asOf`. */
  readonly registrationNumber: string | null;
  readonly effects: ReadonlyArray<DecisionEffect>;
}

interface MeetingRow {
  meeting_id: string;
  body: MeetingBody;
  focus_area: string;
  planned_on: string | null;
  held_on: string | null;
  attendees: string;
  absentees: string;
  agenda: string;
  approved_on: string | null;
  approved_recorded_at: string | null;
  approved_seal: string | null;
  recorded_at: string;
  held_recorded_at: string | null;
}

/** Recorded time: a row counts when recorded by `asOf`; without `asOf`, everything recorded. */
const known = (recordedAt: string | null, asOf: string | undefined) =>
  recordedAt !== null && (asOf === undefined || recordedAt <= asOf);

const ORDER_BY_PARAGRAPH = "coalesce(paragraph, 1000000), position";

/**
 * The minutes of one meeting as known at `asOf` (default: everything recorded), with the
 * status of each next step on `at` (default: whatever is known); undefined for a meeting
 * not known at `asOf`.
 */
export function meeting(
  db: Database.Database,
  meetingId: string,
  time: { readonly asOf?: string; readonly at?: string } = {},
): MeetingMinutes | undefined {
  const { asOf, at } = time;
  const bound = { meetingId, asOf: asOf ?? null };
  const byAsOf = "meeting_id = @meetingId AND recorded_at <= coalesce(@asOf, recorded_at)";
  return inOneSnapshot(db, () => {
    const row = prepared<[string], MeetingRow>(db, "SELECT * FROM meetings WHERE meeting_id = ?").get(meetingId);
    if (!row || !known(row.recorded_at, asOf)) return undefined;
    const held = known(row.held_recorded_at, asOf);
    const decisions = prepared<[typeof bound], MeetingDecision>(
      db,
      `SELECT decision_id AS decisionId, subject, decision, rationale, kind, paragraph
       FROM meeting_decisions WHERE ${byAsOf} ORDER BY ${ORDER_BY_PARAGRAPH}`,
    ).all(bound);
    const comments = prepared<[typeof bound], MeetingMinutes["comments"][number]>(
      db,
      `SELECT topic, comment FROM meeting_comments WHERE ${byAsOf} ORDER BY position`,
    ).all(bound);
    const nextSteps = prepared<[typeof bound], NextStepRow>(
      db,
      `SELECT next_step_id AS nextStepId, text, owner_id AS ownerId, due, closed_as AS closedAs, closed_on AS closedOn,
         closed_reason AS reason, closed_recorded_at AS closedRecordedAt
       FROM meeting_next_steps WHERE ${byAsOf} ORDER BY position`,
    )
      .all(bound)
      .map(({ closedAs, closedOn, reason, closedRecordedAt, ...step }): NextStepView => {
        const closed = closedAs !== null && known(closedRecordedAt, asOf) && (at === undefined || closedOn! <= at);
        return closed
          ? { ...step, status: closedAs, closedOn, reason }
          : { ...step, status: "open", closedOn: null, reason: null };
      });
    const corrections = prepared<[typeof bound], MeetingMinutes["corrections"][number]>(
      db,
      `SELECT correction, reason, recorded_at AS recordedAt FROM meeting_corrections WHERE ${byAsOf} ORDER BY position`,
    ).all(bound);
    const officers = prepared<[typeof bound], { chairId: string; secretaryId: string; adjusterIds: string }>(
      db,
      `SELECT chair_id AS chairId, secretary_id AS secretaryId, adjuster_ids AS adjusterIds
       FROM meeting_officers WHERE ${byAsOf} ORDER BY position DESC LIMIT 1`,
    ).get(bound);
    const sealedAdjustments = prepared<[typeof bound], MeetingMinutes["adjustments"][number] & { seal: string | null }>(
      db,
      `SELECT adjuster_id AS adjusterId, adjusted_on AS "on", recorded_at AS recordedAt, seal
       FROM meeting_adjustments WHERE ${byAsOf} ORDER BY position`,
    ).all(bound);
    const adjustments = sealedAdjustments.map(({ seal: _, ...adjustment }) => adjustment);
    const reported = prepared<[typeof bound], DelegationDecisionRef>(
      db,
      `SELECT initiative_id AS initiativeId, revision FROM delegation_reports WHERE ${byAsOf} ORDER BY position, item`,
    ).all(bound);
    const adjusterIds = officers ? (JSON.parse(officers.adjusterIds) as string[]) : [];
    const approvedDirectly = known(row.approved_recorded_at, asOf);
    const approvedOn = approvedDirectly ? row.approved_on : approvalByAdjusters(adjusterIds, adjustments);
    const approvalSeal = approvedDirectly ? row.approved_seal : approvingAdjustmentSeal(adjusterIds, sealedAdjustments);
    const agendaItems = (JSON.parse(row.agenda) as Array<{ title: string; source: AgendaSource | null }>).map((item, index) => ({
      paragraph: index + 1,
      ...item,
    }));
    return {
      id: row.meeting_id,
      body: row.body,
      focusArea: row.focus_area,
      status: approvedOn !== null ? "approved" : held ? "held" : "planned",
      plannedOn: row.planned_on,
      heldOn: held ? row.held_on : null,
      attendees: held ? (JSON.parse(row.attendees) as string[]) : [],
      absentees: held ? (JSON.parse(row.absentees) as string[]) : [],
      agenda: agendaItems.map((item) => item.title),
      agendaItems,
      chairId: officers?.chairId ?? null,
      secretaryId: officers?.secretaryId ?? null,
      adjusterIds,
      adjustments,
      decisions,
      comments,
      nextSteps,
      reportedDelegationDecisions: reported,
      corrections,
      approved: approvedOn !== null,
      approvedOn,
      approvalSeal: approvedOn !== null && approvalSeal !== null ? (JSON.parse(approvalSeal) as LogSeal) : null,
    };
  });
}

interface NextStepRow {
  nextStepId: string;
  text: string;
  ownerId: string | null;
  due: string | null;
  closedAs: "done" | "dropped" | null;
  closedOn: string | null;
  reason: string | null;
  closedRecordedAt: string | null;
}

/** Approved (justerat) the day the later of the two adjusters adjusted; null until both have. */
const approvalByAdjusters = (adjusterIds: ReadonlyArray<string>, adjustments: MeetingMinutes["adjustments"]): string | null => {
  if (adjusterIds.length === 0) return null;
  const days = adjusterIds.map((id) => adjustments.find((adjustment) => adjustment.adjusterId === id)?.on);
  return days.every((day) => day !== undefined) ? days.reduce((a, b) => (a! > b! ? a : b))! : null;
};

/** The seal of the adjustment that made both adjusters' (the minutes approved by them); null before. */
const approvingAdjustmentSeal = (
  adjusterIds: ReadonlyArray<string>,
  adjustments: ReadonlyArray<{ readonly adjusterId: string; readonly seal: string | null }>,
): string | null => {
  const adjusted = new Set<string>();
  for (const { adjusterId, seal } of adjustments) {
    adjusted.add(adjusterId);
    if (adjusterIds.length > 0 && adjusterIds.every((id) => adjusted.has(id))) return seal;
  }
  return null;
};

/**
 * Decisions of the meetings held within [from, to] (inclusive dates), by meeting date, then
 * by § (decisions without one last), then as recorded, each with the events that cite it in
 * log order; all as known at `asOf`: a meeting once recorded held, a decision and an effect once recorded.
 */
export function decisionLog(
  db: Database.Database,
  period: { readonly from?: string; readonly to?: string; readonly asOf?: string } = {},
): ReadonlyArray<DecisionLogEntry> {
  return decisionLogPage(db, { ...period, page: WHOLE_LIST }).items;
}

/** Decisions without a § come after those with one: SQL sorts on this for them. */
const NO_PARAGRAPH = 1_000_000;
const DECISION_ORDER: ReadonlyArray<SortColumn> = [
  { sql: "m.held_on" },
  { sql: `coalesce(d.paragraph, ${NO_PARAGRAPH})` },
  { sql: "d.position" },
];

/** A page of `decisionLog`. */
export function decisionLogPage(
  db: Database.Database,
  options: { readonly from?: string; readonly to?: string; readonly asOf?: string; readonly page: PageRequest },
): Page<DecisionLogEntry> {
  // Without a bound, the range is the whole calendar: one statement, and the held_on index serves it.
  const range = { from: options.from ?? "0000-01-01", to: options.to ?? "9999-12-31", asOf: options.asOf ?? null };
  const page = keysetSql(DECISION_ORDER, options.page);
  return inOneSnapshot(db, () => {
    const rows = prepared<Record<string, unknown>, Omit<DecisionLogEntry, "effects"> & { position: number }>(
      db,
      `SELECT d.meeting_id AS meetingId, d.decision_id AS decisionId, m.held_on AS heldOn, d.paragraph, d.subject,
         d.decision, d.kind, d.position,
         (SELECT r.number FROM registration_numbers r
          WHERE r.meeting_id = d.meeting_id AND r.decision_id = d.decision_id
            AND r.recorded_at <= coalesce(@asOf, r.recorded_at)) AS registrationNumber
       FROM meetings m JOIN meeting_decisions d ON d.meeting_id = m.meeting_id
       WHERE m.held_on BETWEEN @from AND @to AND m.held_recorded_at <= coalesce(@asOf, m.held_recorded_at)
         AND d.recorded_at <= coalesce(@asOf, d.recorded_at) AND ${page.where}
       ${page.orderBy} ${page.limit}`,
    ).all({ ...range, ...page.params });
    const { items: decisions, nextAfter } = pageOfRows(rows, options.page, (d) => [
      d.heldOn,
      d.paragraph ?? NO_PARAGRAPH,
      d.position,
    ]);
    const effects = prepared<[typeof range], DecisionEffect & { meetingId: string; decisionId: string }>(
      db,
      `SELECT e.meeting_id AS meetingId, e.decision_id AS decisionId, e.stream_id AS streamId, e.type, e.position
       FROM meetings m JOIN decision_effects e ON e.meeting_id = m.meeting_id
       WHERE m.held_on BETWEEN @from AND @to AND e.recorded_at <= coalesce(@asOf, e.recorded_at)
       ORDER BY e.position`,
    ).all(range);
    const effectsByDecision = groupBy(effects, ({ meetingId, decisionId, ...effect }) => [
      decisionKey(meetingId, decisionId),
      effect,
    ]);
    return {
      items: decisions.map(({ position: _, ...d }) => ({
        ...d,
        effects: effectsByDecision.get(decisionKey(d.meetingId, d.decisionId)) ?? [],
      })),
      nextAfter,
    };
  });
}

const decisionKey = (meetingId: string, decisionId: string) => `${meetingId}/${decisionId}`;
