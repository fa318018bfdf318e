import type { ConcurrencyConflict } from "#event-store";
import { Effect, Schedule } from "effect";

/**
 * When another command wrote the stream between our read and our append, decide again on
 * the fresh state: a few quick tries with jitter so colliding writers spread out.
 */
export const conflictRetrySchedule = Schedule.exponential("3 millis", 2).pipe(
  Schedule.jittered,
  Schedule.intersect(Schedule.recurs(8)),
);

/**
 * `attempt`, run again after each ConcurrencyConflict as conflictRetrySchedule allows,
 * failing with the last conflict once it allows no more: what Effect.retry does, except
 * that the schedule's driver is made only once a conflict has happened. Effect.retry makes
 * it up front, for every command, and that cost about 10 µs a command in the bench's
 * profile, a sixth of the whole pipeline, for the rare command that meets a conflict.
 */
export const retryOnConflict = <A, E extends { readonly _tag: string }, R>(
  attempt: Effect.Effect<A, E | ConcurrencyConflict, R>,
): Effect.Effect<A, E | ConcurrencyConflict, R> =>
  Effect.catchIf(attempt, isConflict, (conflict) =>
    Effect.flatMap(Schedule.driver(conflictRetrySchedule), (driver) => retryAfter(conflict, driver, attempt)),
  );

const retryAfter = <A, E extends { readonly _tag: string }, R>(
  conflict: ConcurrencyConflict,
  driver: Schedule.ScheduleDriver<unknown, unknown>,
  attempt: Effect.Effect<A, E | ConcurrencyConflict, R>,
): Effect.Effect<A, E | ConcurrencyConflict, R> =>
  // next waits for the schedule's delay, or fails once the schedule is done.
  Effect.matchEffect(driver.next(conflict), {
    onFailure: () => Effect.fail(conflict),
    onSuccess: () => Effect.catchIf(attempt, isConflict, (next) => retryAfter(next, driver, attempt)),
  });

const isConflict = (error: { readonly _tag: string }): error is ConcurrencyConflict => error._tag === "ConcurrencyConflict";
