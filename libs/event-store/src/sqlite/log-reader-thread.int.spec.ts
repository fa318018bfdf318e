import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { Effect } from "effect";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { ReadAllOptions } from "../port/event-store.js";
import { type LogCursorOptions, readAllCursor } from "../port/log-cursor.js";
import type { RecordedEvent } from "../port/recorded-event.js";
import type { DataParsedRow } from "./event-row-mapping.js";
import { type FallbackCursor, READ_AHEAD, openLogReaderThread } from "./log-reader-thread.js";

// The thread's side is played here by small scripts, to make it stop, or count what it is
// asked; the real script is run by the store's specs (sqlite-event-store.int.spec.ts).
const event = (position: number): RecordedEvent => ({
  eventId: `e-${position}`,
  type: "E",
  schemaVersion: 1,
  streamId: `s-${position}`,
  revision: 0,
  position,
  recordedAt: "2026-01-01T00:00:00.000Z",
  data: { position },
  metadata: { actor: { id: "a", roles: [] }, commandId: "c", correlationId: "c", causationId: "c", prevHash: "0", hash: "h" },
});
const LOG = Array.from({ length: 10 }, (_, i) => event(i + 1));
/** An event as the thread sends it. */
const rowOf = ({ metadata: { hash, ...metadata }, ...event }: RecordedEvent): DataParsedRow => [
  event.position,
  event.eventId,
  event.streamId,
  event.revision,
  event.type,
  event.schemaVersion,
  event.recordedAt,
  event.data,
  JSON.stringify(metadata),
  hash,
];

/** The caller's thread: LOG read with readAll, each from-position it was asked for noted. */
const fallbackOverLog = () => {
  const startedAt: number[] = [];
  const readAll = ({ fromPosition = 0, maxCount = 3 }: ReadAllOptions) =>
    Effect.succeed(LOG.filter((e) => e.position >= fromPosition).slice(0, maxCount));
  const fallback: FallbackCursor = (fromPosition) => {
    startedAt.push(fromPosition);
    return readAllCursor(readAll, { fromPosition, batchSize: 3 });
  };
  return { fallback, startedAt };
};

const walk = (cursor: { next: Effect.Effect<ReadonlyArray<RecordedEvent>, unknown> }) =>
  Effect.gen(function* () {
    const batches: Array<ReadonlyArray<RecordedEvent>> = [];
    for (let batch = yield* cursor.next; batch.length > 0; batch = yield* cursor.next) batches.push(batch);
    return batches;
  });

describe("log reader thread", () => {
  let dir: string;
  let warnings: string[];
  const onWarning = (warning: Error & { code?: string }) => {
    if (warning.code === "MANDAT_LOG_READER_THREAD") warnings.push(warning.message);
  };
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "mandat-reader-"));
    warnings = [];
    process.on("warning", onWarning);
  });
  afterEach(() => {
    process.off("warning", onWarning);
    rmSync(dir, { recursive: true, force: true });
  });
  const script = (name: string, source: string) => {
    const path = join(dir, name);
    writeFileSync(path, `import { parentPort, workerData } from "node:worker_threads";\n${source}`);
    return () => path;
  };
  /**
   * What the counting thread has sent once it has caught up with what it was asked (up to
   * `expected`, or two seconds on a slow machine), and a moment longer, for any batch beyond.
   */
  const sentOnceSettled = async (counted: string, expected: number) => {
    const sent = () => Number(readFileSync(counted, { encoding: "utf8", flag: "a+" }) || 0);
    for (let waited = 0; sent() < expected && waited < 2_000; waited += 10) await sleep(10);
    await sleep(30);
    return sent();
  };
  /** Lets process warnings, emitted on the next tick, arrive. */
  const settle = () => sleep(10);
  /**
   * Every event a cursor over `thread` gives, where the caller's thread took over, and the
   * warnings the switch gave.
   */
  const walkOver = async (thread: () => string, options: LogCursorOptions) => {
    const { fallback, startedAt } = fallbackOverLog();
    const batches = await Effect.runPromise(
      Effect.scoped(Effect.flatMap(openLogReaderThread("unused", options, fallback, thread), walk)),
    );
    await settle();
    return { events: batches.flat(), startedAt, warnings };
  };

  it("goes on from the first event it has not delivered on the caller's thread when the thread stops", async () => {
    // Sends the first two events, then stops without a word while the caller waits for more.
    const stopping = script(
      "stopping.mjs",
      `const rows = ${JSON.stringify(LOG.slice(0, 2).map(rowOf))};
       let sent = false;
       parentPort.on("message", () => {
         if (sent) process.exit(3);
         sent = true;
         parentPort.postMessage({ rows });
       });`,
    );
    expect(await walkOver(stopping, { batchSize: 2 })).toEqual({
      events: LOG,
      startedAt: [3],
      warnings: [expect.stringContaining("stopped (exit code 3)")],
    });
  });

  it("hands over events whose metadata is parsed as it is first read", async () => {
    // Sends four events, the last two with their metadata cut short.
    const garbled = script(
      "garbled.mjs",
      `const rows = ${JSON.stringify(LOG.slice(0, 4).map(rowOf))};
       rows[2][8] = rows[3][8] = "{";
       let sent = 0;
       parentPort.on("message", (wanted) => {
         for (let i = 0; i < wanted; i++, sent++) parentPort.postMessage(sent < 2 ? { rows: rows.slice(sent * 2, sent * 2 + 2) } : { end: true });
       });`,
    );
    const { events, startedAt, warnings } = await walkOver(garbled, { batchSize: 2 });
    expect({ startedAt, warnings }).toEqual({ startedAt: [], warnings: [] });
    expect(events.slice(0, 2)).toEqual(LOG.slice(0, 2));
    expect(events.map((event) => event.position)).toEqual([1, 2, 3, 4]);
    expect(() => events[2]!.metadata.actor).toThrow(SyntaxError);
  });

  it("reads on the caller's thread from the start when the thread's script cannot be found", async () => {
    const missing = () => {
      throw new Error("Cannot find module '#event-store/sqlite-log-reader'");
    };
    expect(await walkOver(missing, { fromPosition: 4, batchSize: 3 })).toEqual({
      events: LOG.slice(3),
      startedAt: [4],
      warnings: [expect.stringContaining("Cannot find module")],
    });
  });

  it(`is asked for ${READ_AHEAD} batches beyond those the caller has taken, never more`, async () => {
    // Answers every request at once, and writes down how many batches it has sent.
    const counting = script(
      "counting.mjs",
      `import { writeFileSync } from "node:fs";
       let sent = 0;
       parentPort.on("message", (wanted) => {
         for (let i = 0; i < wanted; i++) {
           sent += 1;
           writeFileSync(workerData.path, String(sent));
           const row = ${JSON.stringify(rowOf(event(1)))};
           row[0] = sent;
           parentPort.postMessage({ rows: [row] });
         }
       });`,
    );
    const counted = join(dir, "sent");
    const sent = await Effect.runPromise(
      Effect.scoped(
        Effect.gen(function* () {
          const cursor = yield* openLogReaderThread(counted, { batchSize: 1 }, fallbackOverLog().fallback, counting);
          const seen: number[] = [];
          for (let taken = 1; taken <= 5; taken++) {
            const [one] = yield* cursor.next;
            expect(one!.position).toBe(taken);
            seen.push(yield* Effect.promise(() => sentOnceSettled(counted, taken + READ_AHEAD)));
          }
          return seen;
        }),
      ),
    );
    expect(sent).toEqual([1, 2, 3, 4, 5].map((taken) => taken + READ_AHEAD));
  });
});
