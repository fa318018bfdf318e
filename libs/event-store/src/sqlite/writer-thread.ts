import { createRequire } from "node:module";
import { MessageChannel, type MessagePort, Worker, receiveMessageOnPort } from "node:worker_threads";
import type { AppendOutcome, BatchAppend } from "./batch-writer.js";
import type { WriterFailure, WriterReply, WriterRequest, WriterThreadData } from "./writer-thread-protocol.js";

/**
 * How long close waits, blocking, for the thread to answer: longer than a commit that waits
 * out another process's lock (busy_timeout) and its fsync, short enough that a thread that
 * died without a word does not hold a shutdown for ever.
 */
const SYNC_REPLY_TIMEOUT_MS = 30_000;

/** What became of one batch: each append's outcome, or why its transaction failed. */
export type BatchOutcome = { readonly outcomes: ReadonlyArray<AppendOutcome> } | { readonly failed: unknown };

/** The thread stopped with batches in flight: each may or may not have been committed. */
export class WriterThreadStopped extends Error {}

interface InFlight {
  readonly size: number;
  readonly answer: (outcome: BatchOutcome) => void;
}

/**
 * The embedded store's writer thread: a connection of its own to the log on which batches
 * are written, chained and committed, so that the event loop goes on deciding the next
 * commands (and answering reads) while a batch is hashed, inserted and fsynced. Batches are
 * written in the order they are sent; those that arrive while a transaction commits are
 * written together in the next one.
 *
 * The thread does not keep the process alive while idle; a batch in flight does.
 */
export class WriterThread {
  /** The batches sent and not yet answered, in the order they were sent (a close is one of no appends). */
  private readonly inFlightBatches: InFlight[] = [];
  private stoppedBecause: string | undefined;

  private constructor(
    private readonly worker: Worker,
    private readonly port: MessagePort,
    private readonly replies: Int32Array,
    private readonly onCommitted: (appends: number) => void,
  ) {
    port.on("message", (reply: WriterReply) => this.deliver(reply));
    port.unref();
    worker.unref();
    worker.on("error", (error) => this.stop(`the writer thread failed: ${error.message}`));
    worker.on("exit", (code) => this.stop(`the writer thread exited with code ${code}`));
  }

  /**
   * Starts a thread on the log at `path`, which must exist with its schema; `onCommitted`
   * is told how many appends each transaction committed, once their batches are answered.
   */
  static start(path: string, onCommitted: (appends: number) => void): WriterThread {
    const { port1, port2 } = new MessageChannel();
    const replies = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
    const workerData: WriterThreadData = { path, port: port2, replies: replies.buffer as SharedArrayBuffer };
    // None of the process's command-line options: they are the main module's (--input-type
    // with --eval fails a worker at its start), and the thread needs none of them.
    const worker = new Worker(workerEntry(), { workerData, transferList: [port2], execArgv: [] });
    return new WriterThread(worker, port1, replies, onCommitted);
  }

  /** A batch has been sent and not yet answered. */
  get inFlight(): boolean {
    return this.inFlightBatches.length > 0;
  }

  /** False once the thread has failed or exited: the store starts another. */
  get running(): boolean {
    return this.stoppedBecause === undefined;
  }

  /** Sends one batch (see BatchWriter.write); `answer` is called once, with its outcomes or why it failed. */
  write(batch: ReadonlyArray<BatchAppend>, settledBelow: number, answer: (outcome: BatchOutcome) => void): void {
    this.send({ write: batch, settledBelow }, { size: batch.length, answer });
  }

  /**
   * Blocks until every batch in flight is answered, and answers them: for the store's
   * close, which must not return with an append unwritten. Every batch is answered even if
   * an answer throws (the store's observer); the first throw is rethrown at the end.
   */
  awaitRepliesSync(): void {
    const deadline = Date.now() + SYNC_REPLY_TIMEOUT_MS;
    const thrown: unknown[] = [];
    while (this.inFlight) {
      // Read before looking at the port: a reply posted after the look moves the count, and the wait returns at once.
      const seen = Atomics.load(this.replies, 0);
      const received = receiveMessageOnPort(this.port);
      try {
        if (received) this.deliver(received.message as WriterReply);
        else if (Date.now() > deadline) this.stop(`the writer thread did not answer within ${SYNC_REPLY_TIMEOUT_MS} ms`);
        else Atomics.wait(this.replies, 0, seen, 100);
      } catch (error) {
        thrown.push(error);
      }
    }
    if (thrown.length > 0) throw thrown[0];
  }

  /** Closes the thread's connection (waiting for it, so that the log is closed when this returns) and ends the thread. */
  close(): void {
    try {
      if (this.running) {
        this.send({ close: true }, { size: 0, answer: () => {} });
        this.awaitRepliesSync();
      }
    } finally {
      void this.worker.terminate();
    }
  }

  private send(request: WriterRequest, inFlight: InFlight): void {
    if (!this.running) {
      inFlight.answer({ failed: new WriterThreadStopped(this.stoppedBecause) });
      return;
    }
    try {
      this.port.postMessage(request);
    } catch (error) {
      // A batch structured clone cannot copy: it fails alone, and is never in flight.
      inFlight.answer({ failed: error });
      return;
    }
    // A batch in flight keeps the process alive until its reply has been handed on.
    if (!this.inFlight) this.port.ref();
    this.inFlightBatches.push(inFlight);
  }

  private deliver(reply: WriterReply): void {
    if ("fatal" in reply) {
      this.stop(`the writer thread failed: ${reply.fatal.message}`);
    } else if ("committed" in reply) {
      const sizes = this.inFlightBatches.slice(0, reply.committed.length).map((batch) => batch.size);
      const matches =
        sizes.length === reply.committed.length && reply.committed.every((outcomes, i) => outcomes.length === sizes[i]);
      // A reply that does not line up with what was sent would hand one batch's outcomes to another.
      if (!matches) this.stop("the writer thread answered batches it was not sent");
      else {
        const appends = sizes.reduce((sum, size) => sum + size, 0);
        this.answerEach(
          reply.committed.map((outcomes) => ({ outcomes })),
          () => this.onCommitted(appends),
        );
      }
    } else if ("failed" in reply) {
      if (reply.batches < 1 || reply.batches > this.inFlightBatches.length)
        this.stop("the writer thread failed batches it was not sent");
      else this.answerEach(Array.from({ length: reply.batches }, () => ({ failed: asError(reply.failed) })));
    } else {
      this.answerEach([undefined]);
    }
  }

  /**
   * Answers the next batches in flight, one outcome each (none for a close), then runs
   * `after`, whatever an answer throws (the store's observer): an append left unanswered
   * would hold its stream's queue, and every command after it, for ever. The first throw
   * is rethrown.
   */
  private answerEach(outcomes: ReadonlyArray<BatchOutcome | undefined>, after: () => void = () => {}): void {
    const thrown: unknown[] = [];
    for (const outcome of outcomes) {
      const next = this.inFlightBatches.shift();
      if (!this.inFlight) this.port.unref();
      try {
        if (outcome) next?.answer(outcome);
      } catch (error) {
        thrown.push(error);
      }
    }
    try {
      after();
    } catch (error) {
      thrown.push(error);
    }
    if (thrown.length > 0) throw thrown[0];
  }

  /** The thread is gone: each batch in flight is answered as failed, though it may have committed. */
  private stop(reason: string): void {
    if (!this.running) return;
    this.stoppedBecause = reason;
    // A thread that stopped answering may still be writing: ended, it writes nothing more
    // (a transaction already committing may still land, hence "not known").
    void this.worker.terminate();
    const failed = new WriterThreadStopped(reason);
    this.answerEach(this.inFlightBatches.map(() => ({ failed })));
  }
}

/** An Error again, with better-sqlite3's code where there was one. */
const asError = ({ message, code }: WriterFailure): Error =>
  Object.assign(new Error(message), code === undefined ? {} : { code });

/**
 * The built entry of the thread (writer-thread-worker.ts), found when a thread first
 * starts. It always runs from dist/, also under vitest, which compiles our sources only in
 * its own module graph: `npm test` builds first.
 */
const workerEntry = (): string => createRequire(import.meta.url).resolve("#event-store/sqlite-writer-thread");
