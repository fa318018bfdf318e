import { Clock, Effect } from "effect";

/**
 * A Clock that reads one instant, for Effect.withClock: the demo runs each command at its
 * own instant with it. It sleeps as the real clock does, so a retry still waits.
 */
export const fixedClock = (instant: Date | number): Clock.Clock => {
  const millis = typeof instant === "number" ? instant : instant.getTime();
  return clockReading(() => millis);
};

/** A Clock whose time is whatever `millis` answers when read; it sleeps as the real one does. */
export const clockReading = (millis: () => number): Clock.Clock => {
  const real = Clock.make();
  return {
    [Clock.ClockTypeId]: Clock.ClockTypeId,
    unsafeCurrentTimeMillis: millis,
    currentTimeMillis: Effect.sync(millis),
    unsafeCurrentTimeNanos: () => BigInt(millis()) * 1_000_000n,
    currentTimeNanos: Effect.sync(() => BigInt(millis()) * 1_000_000n),
    sleep: (duration) => real.sleep(duration),
  };
};
