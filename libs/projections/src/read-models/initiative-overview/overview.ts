import type { IsoDate } from "#domain";
import type Database from "better-sqlite3";
import { checkInSchedule, type LastCheckIn } from "../check-ins/queries.js";
import { type ActiveGoal, activeGoals } from "../goal-history/queries.js";
import { type MandateInForce, mandateInForce } from "../mandate-history/queries.js";
import { listSignals } from "../signal-inbox/queries.js";
import { type OpenTension, openTensions } from "../tension-timeline/queries.js";
import { type InitiativeRecord, type LeadAssignment, initiativeRecord, leadsAsOf } from "./queries.js";

export interface UnansweredSignal {
  readonly id: string;
  readonly kind: string;
  readonly summary: string;
  readonly mandatePosition: string;
  readonly observedOn: IsoDate;
}

/** API.md's overview of one initiative, on date `at` as known at `asOf`. */
export interface InitiativeOverview extends InitiativeRecord {
  readonly asOf: string | null;
  readonly at: IsoDate;
  readonly leads: ReadonlyArray<LeadAssignment>;
  readonly goals: ReadonlyArray<ActiveGoal>;
  readonly mandate: MandateInForce | null;
  readonly openTensions: ReadonlyArray<OpenTension>;
  readonly unansweredSignals: ReadonlyArray<UnansweredSignal>;
  readonly cadenceDays: number | null;
  readonly lastCheckIn: LastCheckIn | null;
  readonly nextCheckInDue: IsoDate | null;
  readonly checkInOverdue: boolean;
}

/**
 * The overview is read from the temporal rows of several read models, never by
 * replaying a stream: each answers for the same (asOf, at).
 */
export function initiativeOverview(
  db: Database.Database,
  initiativeId: string,
  options: { readonly asOf?: string; readonly at: IsoDate },
): InitiativeOverview | undefined {
  const record = initiativeRecord(db, initiativeId, options);
  if (!record) return undefined;
  const { asOf } = options;
  const schedule = checkInSchedule(db, initiativeId, options);
  return {
    ...record,
    asOf: asOf ?? null,
    at: options.at,
    leads: leadsAsOf(db, initiativeId, { asOf }),
    goals: activeGoals(db, initiativeId, options),
    mandate: mandateInForce(db, initiativeId, options),
    openTensions: openTensions(db, initiativeId, options),
    unansweredSignals: listSignals(db, { status: "unanswered", initiativeId, asOf }).map(
      ({ id, kind, summary, mandatePosition, observedOn }) => ({ id, kind, summary, mandatePosition, observedOn }),
    ),
    ...schedule,
  };
}
