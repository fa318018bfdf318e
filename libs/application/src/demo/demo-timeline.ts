import { type IsoDate, addDays, calendarDate } from "#domain";
import { Effect } from "effect";
import { fixedClock } from "./fixed-clock.js";

/** Steps of one day start at 08:00 UTC (09:00 or 10:00 in Stockholm), a minute apart. */
const DAY_STARTS_AT = "T08:00:00.000Z";
const STEP_MS = 60_000;

/**
 * The demo's calendar. The demo runs every command through the real pipeline with Effect's
 * Clock set to the command's own instant, so that the rules decide with that day as today
 * and the store records the events then: the history reads across time (`asOf`) as it
 * happened. The timeline only moves forwards and never past the instant the demo is loaded,
 * so recorded times never run backwards and nothing is recorded ahead of the real clock.
 */
export class DemoTimeline {
  private day: IsoDate | undefined;
  private next = 0;

  /** `loadedAt`: the real instant the demo is loaded; its Stockholm date is the demo's today. */
  constructor(private readonly loadedAt: number) {}

  /** The day the demo is loaded (Stockholm): the present-day part is dated from it. */
  get today(): IsoDate {
    return calendarDate(new Date(this.loadedAt));
  }

  /** `today` moved by `days` (negative: before today). */
  daysFromToday(days: number): IsoDate {
    return addDays(this.today, days);
  }

  /** The following steps happen on `date`; going back to an earlier day is a bug in the demo. */
  on(date: IsoDate): void {
    if (this.day !== undefined && date < this.day) {
      throw new Error(`The demo history goes back in time: ${date} after ${this.day}`);
    }
    if (date !== this.day) this.next = Date.parse(`${date}${DAY_STARTS_AT}`);
    this.day = date;
  }

  /** Runs `effect` as the next step: Effect's Clock reads the step's instant. */
  step<A, E, R>(effect: Effect.Effect<A, E, R>): Effect.Effect<A, E, R> {
    return Effect.suspend(() => Effect.withClock(effect, fixedClock(this.nextInstant())));
  }

  private nextInstant(): number {
    if (this.day === undefined) throw new Error("The demo history took a step before naming its day");
    const instant = this.next;
    if (calendarDate(new Date(instant)) !== this.day) throw new Error(`The demo history has too many steps on ${this.day}`);
    if (instant > this.loadedAt) {
      throw new Error(`The demo history reaches ${new Date(instant).toISOString()}, after the instant it is loaded`);
    }
    this.next += STEP_MS;
    return instant;
  }
}
