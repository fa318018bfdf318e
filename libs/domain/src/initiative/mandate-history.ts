import { type IsoDate, addDays } from "../shared/calendar.js";
import type { DecisionRef } from "../shared/schema-primitives.js";
import type { InitiativeEventOf, MandateTrigger } from "./events.js";
import { type MandateTerms, type NumberedChanges, type TermsPeriod, periodIndexOn, sameTerms } from "./mandate-terms.js";
import { type DayRange, type MandateValidity, daysInForce } from "./mandate-validity.js";
import { RecordedTermsFold } from "./recorded-terms-fold.js";

export type MandateEvent = InitiativeEventOf<"MandateGranted" | "MandateAmended" | "MandateRenewed" | "MandateRevoked">;

/** A mandate event as recorded: when, and by whom (the actor's id). */
export interface RecordedMandateEvent {
  readonly event: MandateEvent;
  readonly recordedAt: string;
  readonly recordedBy: string;
}

export type MandateChangeKind = "granted" | "amended" | "renewed" | "revoked";

/**
 * One row of a mandate's history: one recorded change, read the one way every view reads
 * mandates (docs/domain.md "Mandates in valid time"). `terms` are what was in force from
 * `effectiveFrom` as known when the change was recorded, never a combination that no day had.
 */
export interface MandateHistoryRow {
  readonly mandateId: string;
  /** 1 for the grant, then 2, 3, ... in recording order. */
  readonly version: number;
  readonly change: MandateChangeKind;
  /** The day the change takes effect: the grant's validFrom; for a renewal the day after the validUntil it replaced. */
  readonly effectiveFrom: IsoDate;
  /** In force from effectiveFrom as known when recorded; for a revocation, the terms it ends. */
  readonly terms: MandateTerms;
  /** An amendment only: the terms in force on effectiveFrom as known just before it was recorded. */
  readonly termsBefore?: MandateTerms;
  /** The day before the next change of terms known when recorded; undefined when none was known. */
  readonly termsUntil?: IsoDate;
  /** The first day of `daysClaimed` on which, by changes recorded later, other terms or no mandate are in force. */
  readonly supersededFrom?: IsoDate;
  /** The mandate's validity after this change. */
  readonly validity: MandateValidity;
  /** An amendment's own changes, each clause with its id (for amendments recorded without ids, as numbered while folding). */
  readonly changes?: NumberedChanges;
  readonly reason?: string;
  readonly triggeredBy?: MandateTrigger;
  readonly decision?: DecisionRef;
  readonly recordedAt: string;
  readonly recordedBy: string;
}

/**
 * The days a row says its terms are in force, as known when it was recorded: from
 * `effectiveFrom` through `termsUntil`, on which the mandate is in force by the row's own
 * validity. A revocation's row claims none.
 */
export const daysClaimed = (row: Pick<MandateHistoryRow, "effectiveFrom" | "termsUntil" | "validity">): DayRange | undefined => {
  const inForce = daysInForce(row.validity);
  if (inForce === undefined) return undefined;
  const from = later(row.effectiveFrom, inForce.from);
  const until = earlier(row.termsUntil, inForce.until);
  if (until !== undefined && until < from) return undefined;
  return until === undefined ? { from } : { from, until };
};

/**
 * The history rows of mandate events in log order (events of several mandates may be
 * interleaved), one row per event, in the same order. Each row is read as known when its
 * event was recorded, and `supersededFrom` as known after the last event given: pass the
 * events recorded by an instant to read the history as known then.
 */
export function mandateHistoryRows(recorded: ReadonlyArray<RecordedMandateEvent>): MandateHistoryRow[] {
  const byMandate = new Map<string, number[]>();
  recorded.forEach(({ event }, index) => {
    const indexes = byMandate.get(event.data.mandateId);
    if (indexes) indexes.push(index);
    else byMandate.set(event.data.mandateId, [index]);
  });
  const rows: MandateHistoryRow[] = [];
  for (const indexes of byMandate.values()) {
    const mandateRows = oneMandate(indexes.map((index) => recorded[index]!));
    indexes.forEach((index, k) => (rows[index] = mandateRows[k]!));
  }
  return rows;
}

function oneMandate(recorded: ReadonlyArray<RecordedMandateEvent>): MandateHistoryRow[] {
  const grant = recorded[0]!.event;
  if (grant.type !== "MandateGranted")
    throw new Error(`${grant.type} of mandate ${grant.data.mandateId}, which was never granted`);
  const { mandateId, validFrom, validUntil, decision: _decision, ...granted } = grant.data;
  const terms = new RecordedTermsFold(granted);
  let validity: MandateValidity = validUntil === undefined ? { validFrom } : { validFrom, validUntil };

  // Each row as known when its event was recorded.
  const asRecorded = recorded.map(({ event }, order) => {
    let effectiveFrom: IsoDate;
    let changes: NumberedChanges | undefined;
    let termsBefore: MandateTerms | undefined;
    switch (event.type) {
      case "MandateGranted":
        if (order > 0) throw new Error(`Mandate ${mandateId} granted twice`);
        effectiveFrom = validFrom;
        break;
      case "MandateAmended": {
        effectiveFrom = event.data.effectiveFrom;
        ({ changes, termsBefore } = terms.amend(effectiveFrom, event.data.changes, order));
        break;
      }
      case "MandateRenewed":
        // renewal-not-later (docs/domain.md): only a mandate with an end is renewed; the renewal adds the days after it.
        if (validity.validUntil === undefined) throw new Error(`Renewal of open-ended mandate ${mandateId}`);
        effectiveFrom = addDays(validity.validUntil, 1);
        validity = { ...validity, validUntil: event.data.validUntil };
        break;
      case "MandateRevoked":
        effectiveFrom = event.data.effectiveFrom;
        validity = { ...validity, revokedFrom: effectiveFrom };
        break;
    }
    const { periods } = terms;
    const index = periodIndexOn(periods, effectiveFrom);
    const next = periods[index + 1];
    return {
      effectiveFrom,
      changes,
      terms: periods[index]!.terms,
      termsBefore,
      termsUntil: next === undefined ? undefined : addDays(next.from!, -1),
      validity,
    };
  });

  // Then what the changes recorded later did to the days each row claimed.
  const inForce = daysInForce(validity);
  const notInForceFrom = inForce === undefined ? validFrom : inForce.until && addDays(inForce.until, 1);
  return asRecorded.map((stage, order): MandateHistoryRow => {
    const { event, recordedAt, recordedBy } = recorded[order]!;
    // What belongs to this change alone; undefined where a kind of event has none.
    const own: Pick<MandateHistoryRow, "reason" | "triggeredBy" | "decision"> = event.data;
    return {
      mandateId,
      version: order + 1,
      change: CHANGE_OF[event.type],
      effectiveFrom: stage.effectiveFrom,
      terms: stage.terms,
      termsBefore: stage.termsBefore,
      termsUntil: stage.termsUntil,
      supersededFrom: firstDayChanged(stage.terms, daysClaimed(stage), terms.periods, notInForceFrom),
      validity: stage.validity,
      changes: stage.changes,
      reason: own.reason,
      triggeredBy: own.triggeredBy,
      decision: own.decision,
      recordedAt,
      recordedBy,
    };
  });
}

/**
 * The first day of `claimed` on which, as now known, `periods` give other terms than `terms`,
 * or the mandate is no longer in force (from `notInForceFrom` on; undefined: to an open end).
 */
function firstDayChanged(
  terms: MandateTerms,
  claimed: DayRange | undefined,
  periods: ReadonlyArray<TermsPeriod>,
  notInForceFrom: IsoDate | undefined,
): IsoDate | undefined {
  if (claimed === undefined) return undefined;
  // Every day asked about is on or after claimed.from: only the end needs a check.
  const within = (day: IsoDate | undefined) =>
    day !== undefined && (claimed.until === undefined || day <= claimed.until) ? day : undefined;
  const index = periodIndexOn(periods, claimed.from);
  // Periods are maximal, so when the first day's terms are still these, the next period's are not.
  const otherTerms = sameTerms(periods[index]!.terms, terms) ? within(periods[index + 1]?.from) : claimed.from;
  const ended = notInForceFrom === undefined ? undefined : within(later(notInForceFrom, claimed.from));
  return earlier(otherTerms, ended);
}

const CHANGE_OF = {
  MandateGranted: "granted",
  MandateAmended: "amended",
  MandateRenewed: "renewed",
  MandateRevoked: "revoked",
} as const satisfies Record<MandateEvent["type"], MandateChangeKind>;

/** The later of two days. */
const later = (a: IsoDate, b: IsoDate): IsoDate => (a < b ? b : a);
/** The earlier of two days, where undefined is no end. */
const earlier = (a: IsoDate | undefined, b: IsoDate | undefined): IsoDate | undefined =>
  a === undefined ? b : b === undefined || a < b ? a : b;
