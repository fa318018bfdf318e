import { Duration, Schedule } from "effect";

/**
 * How a loop that lost the store or the read-model database tries again: soon at first,
 * then every 5 s. Neither is at fault for long (a leader change, a lock another process
 * holds, a disk being freed), so the runner waits rather than stopping a read model.
 */
export const retrySchedule = Schedule.exponential(Duration.millis(100)).pipe(
  Schedule.union(Schedule.spaced(Duration.seconds(5))),
);
