import type { IsoDate } from "#domain";
import type Database from "better-sqlite3";
import type { AnyProjection } from "../../runner/projection-definition.js";
import { inOneSnapshot } from "../../runner/read-snapshot.js";
import { checkInsProjection } from "../check-ins/projection.js";
import { checkInSchedule, type LastCheckIn } from "../check-ins/queries.js";
import { goalHistoryProjection } from "../goal-history/projection.js";
import { type ActiveGoal, activeGoals } from "../goal-history/queries.js";
import { mandateHistoryProjection } from "../mandate-history/projection.js";
import { type ClauseView, withSignals } from "../mandate-history/clause-views.js";
import { type MandateInForce, mandateInForce } from "../mandate-history/queries.js";
import { signalInboxProjection } from "../signal-inbox/projection.js";
import { type UnansweredSignal, unansweredSignals } from "../signal-inbox/queries.js";
import { tensionTimelineProjection } from "../tension-timeline/projection.js";
import { type OpenTension, openTensions } from "../tension-timeline/queries.js";
import { initiativeOverviewProjection } from "./projection.js";
import { type InitiativeRecord, type LeadAssignment, initiativeRecord, leadsAsOf } from "./queries.js";

/** The overview of one initiative (docs/api.md "Initiatives"), on date `at` as known at `asOf`. */
export interface InitiativeOverview extends InitiativeRecord {
  readonly asOf: string | null;
  readonly at: IsoDate;
  readonly leads: ReadonlyArray<LeadAssignment>;
  readonly goals: ReadonlyArray<ActiveGoal>;
  /** The mandate in force on `at`, each clause with the signals citing it observed by then. */
  readonly mandate: (Omit<MandateInForce, "clauses"> & { readonly clauses: ReadonlyArray<ClauseView> }) | null;
  readonly openTensions: ReadonlyArray<OpenTension>;
  readonly unansweredSignals: ReadonlyArray<UnansweredSignal>;
  readonly cadenceDays: number | null;
  readonly lastCheckIn: LastCheckIn | null;
  readonly nextCheckInDue: IsoDate | null;
  readonly checkInOverdue: boolean;
}

/** The read models the overview reads: a read that must see a write waits for these. */
export const initiativeOverviewReadModels: ReadonlyArray<AnyProjection> = [
  initiativeOverviewProjection,
  goalHistoryProjection,
  mandateHistoryProjection,
  checkInsProjection,
  signalInboxProjection,
  tensionTimelineProjection,
];

/**
 * The overview is read from the temporal rows of several read models, never by
 * replaying a stream: each answers for the same (asOf, at), all from the same commit.
 */
export function initiativeOverview(
  db: Database.Database,
  initiativeId: string,
  options: { readonly asOf?: string; readonly at: IsoDate },
): InitiativeOverview | undefined {
  return inOneSnapshot(db, () => {
    const record = initiativeRecord(db, initiativeId, options);
    if (!record) return undefined;
    return {
      ...record,
      asOf: options.asOf ?? null,
      at: options.at,
      leads: leadsAsOf(db, initiativeId, options),
      goals: activeGoals(db, initiativeId, options),
      mandate: mandateWithSignals(db, mandateInForce(db, initiativeId, options), options),
      openTensions: openTensions(db, initiativeId, options),
      unansweredSignals: unansweredSignals(db, initiativeId, options),
      ...checkInSchedule(db, initiativeId, options),
    };
  });
}

const mandateWithSignals = (
  db: Database.Database,
  mandate: MandateInForce | null,
  options: { readonly asOf?: string; readonly at: IsoDate },
): InitiativeOverview["mandate"] =>
  mandate && {
    ...mandate,
    clauses: withSignals(db, mandate.mandateId, mandate.clauses, { asOf: options.asOf, until: options.at }),
  };
