import { ConcurrencyConflict, ExpectedRevision } from "#event-store";
import { Data, Effect, Exit } from "effect";
import { describe, expect, it } from "vitest";
import { retryOnConflict } from "./conflict-retry.js";

class Refused extends Data.TaggedError("Refused")<Record<string, never>> {}
const refused = () => new Refused({});

const conflict = () => new ConcurrencyConflict({ streamId: "s", expected: ExpectedRevision.any, actual: 3 });

/** An attempt that fails with `failures` in turn, then succeeds with the number of runs; counts its runs. */
const scripted = (failures: ReadonlyArray<() => ConcurrencyConflict | Refused>) => {
  let runs = 0;
  const attempt = Effect.suspend(() => {
    runs += 1;
    const failure = failures[runs - 1];
    return failure ? Effect.fail(failure()) : Effect.succeed(runs);
  });
  return { attempt, runs: () => runs };
};

describe("retryOnConflict", () => {
  it("runs an attempt that succeeds once", async () => {
    const { attempt, runs } = scripted([]);
    expect(await Effect.runPromise(retryOnConflict(attempt))).toBe(1);
    expect(runs()).toBe(1);
  });

  it("runs the attempt again after each conflict until it succeeds", async () => {
    const { attempt, runs } = scripted([conflict, conflict]);
    expect(await Effect.runPromise(retryOnConflict(attempt))).toBe(3);
    expect(runs()).toBe(3);
  });

  it("passes any other failure on at once, after a conflict too", async () => {
    for (const failures of [[refused], [conflict, refused]]) {
      const { attempt, runs } = scripted(failures);
      const exit = await Effect.runPromiseExit(retryOnConflict(attempt));
      expect(exit).toMatchObject({ _tag: "Failure", cause: { error: { _tag: "Refused" } } });
      expect(runs()).toBe(failures.length);
    }
  });

  it("fails with the conflict once the schedule allows no more tries", async () => {
    const { attempt, runs } = scripted(Array.from({ length: 20 }, () => conflict));
    const exit = await Effect.runPromiseExit(retryOnConflict(attempt));
    expect(Exit.isFailure(exit) && exit.cause).toMatchObject({ error: { _tag: "ConcurrencyConflict", actual: 3 } });
    expect(runs()).toBe(9);
  });
});
