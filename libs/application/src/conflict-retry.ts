import { Schedule } from "effect";

/**
 * When another command wrote the stream between our read and our append, decide again on
 * the fresh state: a few quick tries with jitter so colliding writers spread out.
 */
export const conflictRetrySchedule = Schedule.exponential("3 millis", 2).pipe(
  Schedule.jittered,
  Schedule.intersect(Schedule.recurs(8)),
);
