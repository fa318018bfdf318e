import { type IsoDate, calendarDate } from "#domain";
import type Database from "better-sqlite3";
import { groupBy } from "../../runner/group-by.js";
import { prepared } from "../../runner/prepared.js";
import { inOneSnapshot } from "../../runner/read-snapshot.js";

/**
 * A delegation decision (delegationsbeslut): a mandate granted, amended, renewed or revoked
 * by a Core Team member between meetings, recorded without a meeting's decision.
 */
export interface DelegationDecision {
  readonly initiativeId: string;
  /** Its revision in the initiative's stream: with the initiative, what names it. */
  readonly revision: number;
  readonly type: "MandateGranted" | "MandateAmended" | "MandateRenewed" | "MandateRevoked";
  readonly mandateId: string;
  readonly effectiveFrom: IsoDate | null;
  readonly reason: string | null;
  /** The person (token subject) who recorded it. */
  readonly decidedBy: string;
  /** Taken on: the day (in Stockholm) it was recorded. */
  readonly decidedOn: IsoDate;
  readonly recordedAt: string;
  /** The meetings it was reported to (anmäld), by meeting date. */
  readonly reportedIn: ReadonlyArray<{ readonly meetingId: string; readonly heldOn: IsoDate }>;
  /** Its place in the log: the list's order, and the key its pages are cut by. */
  readonly position: number;
}

type Row = Omit<DelegationDecision, "decidedOn" | "reportedIn">;

/**
 * Delegation decisions taken on or before `at` (default: any day) as known at `asOf`, oldest
 * first, each with the meetings held on or before `at` that were told of it by `asOf`;
 * `unreported`: only those no such meeting was told of, the ones to report to the next meeting.
 */
export function delegationDecisions(
  db: Database.Database,
  options: { readonly asOf?: string; readonly at?: IsoDate; readonly status?: "unreported" | "reported" } = {},
): DelegationDecision[] {
  const bound = { asOf: options.asOf ?? null, at: options.at ?? "9999-12-31" };
  return inOneSnapshot(db, () => {
    const rows = prepared<[typeof bound], Row>(
      db,
      `SELECT initiative_id AS initiativeId, revision, type, mandate_id AS mandateId, effective_from AS effectiveFrom,
         reason, actor_id AS decidedBy, recorded_at AS recordedAt, position
       FROM delegation_decisions WHERE recorded_at <= coalesce(@asOf, recorded_at) ORDER BY position`,
    ).all(bound);
    const reports = prepared<[typeof bound], { initiativeId: string; revision: number; meetingId: string; heldOn: IsoDate }>(
      db,
      `SELECT r.initiative_id AS initiativeId, r.revision, r.meeting_id AS meetingId, m.held_on AS heldOn
       FROM delegation_reports r JOIN meetings m ON m.meeting_id = r.meeting_id
       WHERE r.recorded_at <= coalesce(@asOf, r.recorded_at) AND m.held_on <= @at
       ORDER BY m.held_on, r.position`,
    ).all(bound);
    const reportsOf = groupBy(reports, ({ initiativeId, revision, ...meeting }) => [`${initiativeId}/${revision}`, meeting]);
    return rows
      .map((row) => ({
        ...row,
        decidedOn: calendarDate(new Date(row.recordedAt)),
        reportedIn: reportsOf.get(`${row.initiativeId}/${row.revision}`) ?? [],
      }))
      .filter((decision) => decision.decidedOn <= bound.at)
      .filter((decision) =>
        options.status === undefined ? true : (decision.reportedIn.length === 0) === (options.status === "unreported"),
      );
  });
}
