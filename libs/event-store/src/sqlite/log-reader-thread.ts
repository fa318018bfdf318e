import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";
import { Effect, type Scope } from "effect";
import { StoreUnavailable } from "../port/errors.js";
import type { LogCursor, LogCursorOptions } from "../port/log-cursor.js";
import type { RecordedEvent } from "../port/recorded-event.js";
import type { LogReaderData, LogReaderReply, LogReaderRequest } from "./log-reader-protocol.js";

// The thread's script is the compiled log-reader-worker.js, found through package.json's
// imports wherever this module runs from (dist/, the bundle, or the TypeScript under test).
const WORKER_ENTRY = createRequire(import.meta.url).resolve("#event-store/sqlite-log-reader");

/**
 * How many batches are asked of the thread beyond those the caller has taken: while the
 * caller works on one, the thread reads the next two. More would only hold memory: a caller
 * that keeps up is waiting on the thread, and one that does not never drains them.
 */
const READ_AHEAD = 2;

/**
 * A log cursor that reads and parses on a thread of its own, over its own read-only
 * connection, while the caller works on the batch before: a rebuild spent about a quarter
 * of its time reading rows and parsing their JSON (issue 16). The thread ends with the scope.
 */
export const openLogReaderThread = (
  path: string,
  options: LogCursorOptions,
): Effect.Effect<LogCursor, StoreUnavailable, Scope.Scope> =>
  Effect.map(
    Effect.acquireRelease(
      Effect.try({
        try: () => new LogReaderThread({ path, fromPosition: options.fromPosition ?? 0, batchSize: options.batchSize }),
        catch: (cause) => new StoreUnavailable({ reason: `cannot start a log reader thread: ${String(cause)}`, cause }),
      }),
      (thread) => Effect.promise(() => thread.close()),
    ),
    (thread) => ({ next: thread.next }),
  );

class LogReaderThread {
  private readonly worker: Worker;
  /** Replies not yet taken, in the order the thread sent them. */
  private readonly replies: LogReaderReply[] = [];
  private waiting: ((reply: LogReaderReply) => void) | undefined;
  /** The end of the log or a failure, once the cursor has taken it: every later `next` answers the same. */
  private last: Exclude<LogReaderReply, { events: unknown }> | undefined;

  constructor(data: LogReaderData) {
    this.worker = new Worker(WORKER_ENTRY, { workerData: data, execArgv: [] });
    this.worker.on("message", (reply: LogReaderReply) => this.receive(reply));
    this.worker.on("error", (error) => this.receive({ failure: error.message }));
    // After its end or a failure the thread exits, and this reply is never taken; before, it
    // stopped without saying why (killed, out of memory).
    this.worker.on("exit", (code) => this.receive({ failure: `the log reader thread stopped (exit code ${code})` }));
    this.ask(READ_AHEAD);
  }

  readonly next: Effect.Effect<ReadonlyArray<RecordedEvent>, StoreUnavailable> = Effect.suspend(() => {
    if (this.last) return this.answer(this.last);
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
    return this.worker.terminate();
  }

  private answer(reply: LogReaderReply): Effect.Effect<ReadonlyArray<RecordedEvent>, StoreUnavailable> {
    if ("events" in reply) {
      // One batch taken, one more asked for: the thread stays READ_AHEAD batches ahead.
      this.ask(1);
      return Effect.succeed(reply.events);
    }
    this.last = reply;
    return "end" in reply
      ? Effect.succeed([])
      : Effect.fail(new StoreUnavailable({ reason: `cannot read the log: ${reply.failure}` }));
  }

  private receive(reply: LogReaderReply): void {
    const waiting = this.waiting;
    this.waiting = undefined;
    if (waiting) waiting(reply);
    else this.replies.push(reply);
  }

  private ask(batches: LogReaderRequest): void {
    this.worker.postMessage(batches);
  }
}
