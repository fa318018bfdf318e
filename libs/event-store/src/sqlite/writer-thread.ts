import { createRequire } from "node:module";
import { MessageChannel, type MessagePort, Worker, receiveMessageOnPort } from "node:worker_threads";
import type { AppendOutcome, BatchAppend } from "./batch-writer.js";
import type { WriterReply, WriterRequest, WriterThreadData } from "./writer-thread-protocol.js";

/**
 * The built entry of the thread (writer-thread-worker.ts). It always runs from dist/, also
 * under vitest, which compiles our sources only in its own module graph: `npm test` builds first.
 */
const WORKER_ENTRY = createRequire(import.meta.url).resolve("#event-store/sqlite-writer-thread");

/**
 * How long close waits, blocking, for the thread to answer: longer than a commit that waits
 * out another process's lock (busy_timeout) and its fsync, short enough that a thread that
 * died without a word does not hold a shutdown for ever.
 */
const SYNC_REPLY_TIMEOUT_MS = 30_000;

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
  /** Who is told what became of each request, in the order they were sent. */
  private readonly answers: Array<(outcome: BatchOutcome) => void> = [];
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
    const worker = new Worker(WORKER_ENTRY, { workerData, transferList: [port2], execArgv: [] });
    return new WriterThread(worker, port1, replies, onCommitted);
  }

  /** A batch has been sent and not yet answered. */
  get inFlight(): boolean {
    return this.answers.length > 0;
  }

  /** False once the thread has failed or exited: the store starts another. */
  get running(): boolean {
    return this.stoppedBecause === undefined;
  }

  /** Sends one batch (see BatchWriter.write); `answer` is called once, with its outcomes or why it failed. */
  write(batch: ReadonlyArray<BatchAppend>, settledBelow: number, answer: (outcome: BatchOutcome) => void): void {
    this.send({ write: batch, settledBelow }, answer);
  }

  /**
   * Blocks until every batch in flight is answered, and answers them: for the store's
   * close, which must not return with an append unwritten.
   */
  awaitRepliesSync(): void {
    const deadline = Date.now() + SYNC_REPLY_TIMEOUT_MS;
    while (this.inFlight) {
      // Read before looking at the port: a reply posted after the look moves the count, and the wait returns at once.
      const seen = Atomics.load(this.replies, 0);
      const received = receiveMessageOnPort(this.port);
      if (received) this.deliver(received.message as WriterReply);
      else if (Date.now() > deadline) this.stop(`the writer thread did not answer within ${SYNC_REPLY_TIMEOUT_MS} ms`);
      else Atomics.wait(this.replies, 0, seen, 100);
    }
  }

  /** Closes the thread's connection (waiting for it, so that the log is closed when this returns) and ends the thread. */
  close(): void {
    if (this.running) {
      this.send({ close: true }, () => {});
      this.awaitRepliesSync();
    }
    void this.worker.terminate();
  }

  private send(request: WriterRequest, answer: (outcome: BatchOutcome) => void): void {
    if (!this.running) {
      answer({ failed: new Error(this.stoppedBecause) });
      return;
    }
    // A batch in flight keeps the process alive until its reply has been handed on.
    if (!this.inFlight) this.port.ref();
    this.answers.push(answer);
    this.port.postMessage(request);
  }

  private deliver(reply: WriterReply): void {
    if ("committed" in reply) {
      const appends = reply.committed.reduce((sum, outcomes) => sum + outcomes.length, 0);
      this.answerEach(
        reply.committed.map((outcomes) => ({ outcomes })),
        () => this.onCommitted(appends),
      );
    } else if ("failed" in reply) {
      this.answerEach(Array.from({ length: reply.batches }, () => ({ failed: reply.failed })));
    } else {
      this.answerNext(undefined);
    }
  }

  /**
   * Answers the next batches in flight, one outcome each, then runs `after`, whatever an
   * answer throws (the store's observer): an append left unanswered would hold its
   * stream's queue, and every command after it, for ever. The first throw is rethrown.
   */
  private answerEach(outcomes: ReadonlyArray<BatchOutcome>, after: () => void = () => {}): void {
    const thrown: unknown[] = [];
    for (const step of [...outcomes.map((outcome) => () => this.answerNext(outcome)), after]) {
      try {
        step();
      } catch (error) {
        thrown.push(error);
      }
    }
    if (thrown.length > 0) throw thrown[0];
  }

  private answerNext(outcome: BatchOutcome | undefined): void {
    const answer = this.answers.shift();
    if (!this.inFlight) this.port.unref();
    if (outcome) answer?.(outcome);
  }

  /** The thread is gone: each batch in flight is answered as failed, though it may have committed. */
  private stop(reason: string): void {
    if (!this.running) return;
    this.stoppedBecause = reason;
    // A thread that stopped answering may still be writing: ended, it writes nothing more
    // (a transaction already committing may still land, hence "not known" below).
    void this.worker.terminate();
    const failed = new Error(`${reason}; whether the batches in flight were committed is not known`);
    this.answerEach(this.answers.map(() => ({ failed })));
  }
}

/** What became of one batch: each append's outcome, or why its transaction failed. */
export type BatchOutcome = { readonly outcomes: ReadonlyArray<AppendOutcome> } | { readonly failed: unknown };
