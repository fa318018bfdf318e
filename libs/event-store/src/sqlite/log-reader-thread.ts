import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";
import { Effect, type Scope } from "effect";
import type { StoreUnavailable } from "../port/errors.js";
import type { LogCursor, LogCursorOptions } from "../port/log-cursor.js";
import type { RecordedEvent } from "../port/recorded-event.js";
import { threadRowToEvent } from "./event-row-mapping.js";
import type { LogReaderData, LogReaderReply, LogReaderRequest } from "./log-reader-protocol.js";

/**
 * The thread's script, the compiled log-reader-worker.js, found through package.json's
 * imports wherever this module runs from (dist/, the bundle, or the TypeScript under test).
 * Looked up as a thread starts, not as this module loads: a build without it reads on the
 * caller's thread rather than failing every import of the store.
 */
const workerScript = () => createRequire(import.meta.url).resolve("#event-store/sqlite-log-reader");

/**
 * How many batches are asked of the thread beyond those the caller has taken: while the
 * caller works on one, the thread reads the next two. More would only hold memory: a caller
 * that keeps up is waiting on the thread, and one that does not never drains them.
 */
export const READ_AHEAD = 2;

/** Where a thread's cursor goes on when the thread fails: a cursor from that position on the caller's thread. */
export type FallbackCursor = (fromPosition: number) => LogCursor;

/**
 * A log cursor that reads and parses on a thread of its own, over its own read-only
 * connection, while the caller works on the batch before: a rebuild spent about a quarter
 * of its time reading rows and parsing their JSON (issue 16). The thread ends with the scope.
 *
 * The thread makes a walk faster, never possible: if it cannot start, stops, or fails to
 * read, the cursor goes on from the first event it has not delivered with `fallback`, and
 * only a failure there reaches the caller. The switch is reported as a process warning.
 */
export const openLogReaderThread = (
  path: string,
  options: LogCursorOptions,
  fallback: FallbackCursor,
  script: () => string = workerScript,
): Effect.Effect<LogCursor, never, Scope.Scope> =>
  Effect.map(
    Effect.acquireRelease(
      Effect.sync(
        () =>
          new LogReaderThread({ path, fromPosition: options.fromPosition ?? 0, batchSize: options.batchSize }, fallback, script),
      ),
      (thread) => Effect.promise(() => thread.close()),
    ),
    (thread) => ({ next: thread.next }),
  );

type Failure = Extract<LogReaderReply, { failure: string }>;

class LogReaderThread {
  private readonly worker: Worker | undefined;
  /** Replies not yet taken, in the order the thread sent them. */
  private readonly replies: LogReaderReply[] = [];
  private waiting: ((reply: LogReaderReply) => void) | undefined;
  /** The first position not yet delivered: where a fallback starts. */
  private nextPosition: number;
  private ended = false;
  private fallen: LogCursor | undefined;

  constructor(
    data: LogReaderData,
    private readonly fallback: FallbackCursor,
    script: () => string,
  ) {
    this.nextPosition = data.fromPosition;
    try {
      this.worker = new Worker(script(), { workerData: data, execArgv: [] });
    } catch (error) {
      this.fallBack({ failure: `cannot start: ${error instanceof Error ? error.message : String(error)}` });
      return;
    }
    this.worker.on("message", (reply: LogReaderReply) => this.receive(reply));
    this.worker.on("messageerror", (error) => this.receive({ failure: `a reply could not be read: ${error.message}` }));
    // Its own failures (its connection, running out of memory) come as a reply or an error
    // first; this reply is for a thread that stopped without a word, and is never taken
    // after its end or a failure.
    this.worker.on("error", (error) => this.receive({ failure: error.message }));
    this.worker.on("exit", (code) => this.receive({ failure: `stopped (exit code ${code})` }));
    this.ask(READ_AHEAD);
  }

  readonly next: Effect.Effect<ReadonlyArray<RecordedEvent>, StoreUnavailable> = Effect.suspend(() => {
    if (this.fallen) return this.fallen.next;
    if (this.ended) return Effect.succeed([]);
    const queued = this.replies.shift();
    if (queued) return this.answer(queued);
    return Effect.flatMap(
      Effect.async<LogReaderReply>((resume) => {
        this.waiting = (reply) => resume(Effect.succeed(reply));
        return Effect.sync(() => {
          this.waiting = undefined;
        });
      }),
      (reply) => this.answer(reply),
    );
  });

  close(): Promise<unknown> {
    return this.worker?.terminate() ?? Promise.resolve();
  }

  private answer(reply: LogReaderReply): Effect.Effect<ReadonlyArray<RecordedEvent>, StoreUnavailable> {
    if ("rows" in reply) {
      const events = reply.rows.map(threadRowToEvent);
      this.nextPosition = events.at(-1)!.position + 1;
      // One batch taken, one more asked for: the thread stays READ_AHEAD batches ahead.
      this.ask(1);
      return Effect.succeed(events);
    }
    if ("end" in reply) {
      this.ended = true;
      return Effect.succeed([]);
    }
    return this.fallBack(reply).next;
  }

  private fallBack({ failure }: Failure): LogCursor {
    process.emitWarning(
      `The log reader thread failed (${failure}); reading on the caller's thread from position ${this.nextPosition}`,
      {
        code: "MANDAT_LOG_READER_THREAD",
      },
    );
    void this.close();
    this.fallen = this.fallback(this.nextPosition);
    return this.fallen;
  }

  private receive(reply: LogReaderReply): void {
    const waiting = this.waiting;
    this.waiting = undefined;
    if (waiting) waiting(reply);
    else this.replies.push(reply);
  }

  private ask(batches: LogReaderRequest): void {
    this.worker?.postMessage(batches);
  }
}
