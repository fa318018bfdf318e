import { type IsoDate, addDays } from "../shared/calendar.js";

/**
 * A mandate's valid time. It is in force from `validFrom` through `validUntil`
 * (inclusive; open-ended when absent) and, once revoked, no longer from `revokedFrom` on.
 */
export interface MandateValidity {
  readonly validFrom: IsoDate;
  readonly validUntil?: IsoDate;
  readonly revokedFrom?: IsoDate;
}

/** A closed range of days; `until` undefined means open-ended. */
export interface DayRange {
  readonly from: IsoDate;
  readonly until?: IsoDate;
}

/** The days a mandate is in force, or undefined when a revocation took effect before it began. */
export const daysInForce = (mandate: MandateValidity): DayRange | undefined => {
  const dayBeforeRevocation = mandate.revokedFrom === undefined ? undefined : addDays(mandate.revokedFrom, -1);
  const until =
    dayBeforeRevocation === undefined
      ? mandate.validUntil
      : mandate.validUntil === undefined || dayBeforeRevocation < mandate.validUntil
        ? dayBeforeRevocation
        : mandate.validUntil;
  if (until !== undefined && until < mandate.validFrom) return undefined;
  return until === undefined ? { from: mandate.validFrom } : { from: mandate.validFrom, until };
};

export const isInForceOn = (mandate: MandateValidity, date: IsoDate): boolean => {
  const range = daysInForce(mandate);
  return range !== undefined && date >= range.from && (range.until === undefined || date <= range.until);
};

export const rangesOverlap = (a: DayRange, b: DayRange): boolean =>
  (b.until === undefined || a.from <= b.until) && (a.until === undefined || b.from <= a.until);

/** The mandates among `mandates` whose days in force share at least one day with `range`. */
export const overlapping = <M extends MandateValidity>(range: DayRange, mandates: Iterable<M>): M[] =>
  [...mandates].filter((mandate) => {
    const days = daysInForce(mandate);
    return days !== undefined && rangesOverlap(range, days);
  });

/** The mandate in force on `date`; mandates-overlap (docs/domain.md) guarantees there is at most one. */
export const mandateInForceOn = <M extends MandateValidity>(mandates: Iterable<M>, date: IsoDate): M | undefined =>
  [...mandates].find((mandate) => isInForceOn(mandate, date));
