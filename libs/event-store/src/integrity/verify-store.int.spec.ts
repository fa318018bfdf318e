import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Effect } from "effect";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testEvent } from "../../testing/event-store-contract.js";
import { runModuleScript } from "../../testing/run-module-script.js";
import { ExpectedRevision } from "../port/expected-revision.js";
import { SqliteEventStore } from "../sqlite/sqlite-event-store.js";

describe("verifyStore on a log larger than the memory it may use", () => {
  let dir: string;
  let path: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "mandat-verify-"));
    path = join(dir, "events.sqlite");
    const store = SqliteEventStore.open({ path });
    try {
      // 160 MB of payloads, in streams of 20 events of 40 KB.
      for (let stream = 0; stream < 200; stream++) {
        const events = Array.from({ length: 20 }, (_, i) => testEvent("E", { text: `${stream}-${i}-`.padEnd(40_000, "x") }));
        await Effect.runPromise(store.append(`large-${stream}`, events, ExpectedRevision.noStream));
      }
    } finally {
      store.close();
    }
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("holds a batch at a time, not the log: it verifies 160 MB of events in a 64 MB heap", () => {
    // In a process of its own, for its heap limit. A walk that kept the batches it was given
    // (Stream.runForEachWhile did) runs out of memory here.
    const script = `
      import { Effect } from "effect";
      import { verifyStore } from "#event-store";
      import { SqliteEventStore } from "#event-store/sqlite";
      const store = SqliteEventStore.open({ path: ${JSON.stringify(path)}, fileMustExist: true });
      const report = await Effect.runPromise(verifyStore(store, { densePositions: true, batchSize: 100 }));
      console.log(JSON.stringify(report));
      store.close();
    `;
    expect(runModuleScript(script, { nodeFlags: ["--max-old-space-size=64"], timeoutMs: 60_000 })).toEqual({
      status: 0,
      signal: null,
      stdout: JSON.stringify({ ok: true, checkedEvents: 4_000 }),
      stderr: "",
    });
  });
});
