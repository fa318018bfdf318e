import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";
import type Database from "better-sqlite3";
import { Effect } from "effect";

/** What SQLite's integrity check answers: ["ok"] when whole, else a line for each problem. */
export type IntegrityFindings = ReadonlyArray<string>;

/** The thread's script, the compiled integrity-check-worker.js, found as the log reader's is (log-reader-thread.ts). */
const workerScript = () => createRequire(import.meta.url).resolve("#event-store/sqlite-integrity-check");

/** The check on the caller's connection: for a log in memory, which no other connection can open. */
export const checkHere = (db: Database.Database): IntegrityFindings =>
  (db.pragma("integrity_check", { simple: false }) as Array<{ integrity_check: string }>).map((row) => row.integrity_check);

/**
 * SQLite's integrity check of the log file at `path`, on a thread of its own over a read-only
 * connection: about a second for a million events, which on the event loop would hold up
 * every request the server has meanwhile (`GET /audit/verify`). A thread that cannot start
 * or fails says so as the error it is; the store turns it into StoreUnavailable.
 */
export const checkOnThread = (path: string, script: () => string = workerScript): Effect.Effect<IntegrityFindings, Error> =>
  Effect.async<IntegrityFindings, Error>((resume) => {
    let worker: Worker;
    try {
      worker = new Worker(script(), { workerData: { path }, execArgv: [] });
    } catch (error) {
      resume(Effect.fail(error instanceof Error ? error : new Error(String(error))));
      return;
    }
    worker.once("message", (answer: { readonly found?: IntegrityFindings; readonly failure?: string }) =>
      resume(answer.found ? Effect.succeed(answer.found) : Effect.fail(new Error(answer.failure ?? "no answer"))),
    );
    worker.once("error", (error) => resume(Effect.fail(error)));
    worker.once("exit", (code) => resume(Effect.fail(new Error(`the check stopped (exit code ${code})`))));
    return Effect.promise(() => worker.terminate());
  });
