import { ReadModelWriteFailed, RebuildFailed } from "#projections";
import { describe, expect, it } from "vitest";
import { CliError, EXIT } from "../src/exit-codes.js";
import { explain } from "../src/explain.js";

describe("explain: a failure as one line and its exit code", () => {
  it("keeps the code and message a command chose", () => {
    expect(explain(new CliError(EXIT.noInput, "No event log at /tmp/x"))).toEqual({
      code: EXIT.noInput,
      message: "No event log at /tmp/x",
    });
  });

  it("answers a read-model database that refused a write with 69, saying the log is untouched and to run again", () => {
    const { code, message } = explain(new ReadModelWriteFailed({ reason: "database or disk is full" }));
    expect(code).toBe(EXIT.unavailable);
    expect(message).toMatch(
      /^Read-model database refused the write: database or disk is full\. The event log is untouched: run the command again/,
    );
  });

  it("answers a read model failing on an event in a rebuild with 65, naming the event", () => {
    const event = { type: "MandateGranted", eventId: "event-2", position: 2 } as RebuildFailed["event"];
    const { code, message } = explain(new RebuildFailed({ projection: "mandate-history", event, cause: new Error("a bug") }));
    expect(code).toBe(EXIT.dataError);
    expect(message).toBe("mandate-history failed on MandateGranted event-2 at position 2: a bug");
  });

  it("calls anything else an unexpected failure (70)", () => {
    expect(explain(new Error("boom"))).toEqual({ code: EXIT.software, message: "unexpected failure: boom" });
  });
});
