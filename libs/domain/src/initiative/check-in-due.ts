import { type IsoDate, addDays, calendarDate } from "../shared/calendar.js";

/** The cadence in force, and the Stockholm day it was agreed: CheckInCadenceAgreed carries no date of its own. */
export interface AgreedCadence {
  readonly everyDays: number;
  readonly agreedOn: IsoDate;
}

/** The cadence agreed at `recordedAt`: it holds from the day (in Stockholm) it was recorded. */
export const cadenceAgreedAt = (everyDays: number, recordedAt: string): AgreedCadence => ({
  everyDays,
  agreedOn: calendarDate(new Date(recordedAt)),
});

/**
 * When the next check-in is due (docs/domain.md "Read models", check-ins): the date the last
 * check-in set, else a cadence after it; with no check-in yet, a cadence after the day the
 * cadence was agreed, so an initiative that never checks in still falls overdue. Null when
 * nothing makes one due.
 */
export const nextCheckInDue = (
  lastCheckIn: { readonly heldOn: IsoDate; readonly nextCheckInOn: IsoDate | null } | null,
  cadence: AgreedCadence | null,
): IsoDate | null => {
  if (lastCheckIn?.nextCheckInOn) return lastCheckIn.nextCheckInOn;
  if (cadence === null) return null;
  return addDays(lastCheckIn?.heldOn ?? cadence.agreedOn, cadence.everyDays);
};

/** The due day itself is not overdue. */
export const checkInOverdue = (due: IsoDate | null, at: IsoDate): boolean => due !== null && due < at;
