import { signalInboxProjection } from "#projections";
import { Effect } from "effect";
import { describe, expect, it, vi } from "vitest";
import type { MandatRuntime } from "../runtime/mandat-runtime.js";
import { ReadQuery, ReadQueryHandler, readFrom } from "./read-query.js";

/** A runtime whose runner answers waitFor with `reached`, recording what it was asked. */
const runtimeReaching = (reached: boolean) => {
  const waitFor = vi.fn((_position: number, _timeoutMs: number, _readModels?: ReadonlyArray<string>) => Effect.succeed(reached));
  return { runtime: { runner: { waitFor } } as unknown as MandatRuntime, waitFor };
};

describe("ReadQueryHandler", () => {
  it("waits for the read models a read names, and only those", async () => {
    const { runtime, waitFor } = runtimeReaching(true);
    const answer = await new ReadQueryHandler(runtime).execute(
      new ReadQuery(
        readFrom([signalInboxProjection], () => "inbox"),
        7,
      ),
    );
    expect(answer).toBe("inbox");
    expect(waitFor).toHaveBeenCalledWith(7, 5_000, ["signal-inbox"]);
  });

  it("takes only reads that name their read models", () => {
    // @ts-expect-error: a read that does not say what it reads could not be waited for.
    expect(() => new ReadQuery(() => "anything", 7)).not.toThrow();
  });

  it("waits for none when a read names none, as the audit log reads the log itself", async () => {
    const { runtime, waitFor } = runtimeReaching(true);
    await new ReadQueryHandler(runtime).execute(
      new ReadQuery(
        readFrom([], () => "audit"),
        7,
      ),
    );
    expect(waitFor).toHaveBeenCalledWith(7, 5_000, []);
  });

  it("answers 503 read-model-behind when they did not reach the position", async () => {
    const { runtime } = runtimeReaching(false);
    const read = vi.fn(() => "stale");
    await expect(
      new ReadQueryHandler(runtime).execute(new ReadQuery(readFrom([signalInboxProjection], read), 7)),
    ).rejects.toMatchObject({
      problemName: "read-model-behind",
    });
    expect(read).not.toHaveBeenCalled();
  });

  it("reads at once without minPosition", async () => {
    const { runtime, waitFor } = runtimeReaching(false);
    expect(
      await new ReadQueryHandler(runtime).execute(
        new ReadQuery(
          readFrom([], () => "now"),
          undefined,
        ),
      ),
    ).toBe("now");
    expect(waitFor).not.toHaveBeenCalled();
  });
});
