import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Effect } from "effect";
import { afterAll, describe, expect, it } from "vitest";
import { verifyStore } from "../integrity/verify-store.js";
import { SqliteEventStore } from "./sqlite-event-store.js";

const writer = join(import.meta.dirname, "../../testing/crash-writer.mjs");
const built = join(import.meta.dirname, "../../../../dist/libs/event-store/src/sqlite/index.js");
const dir = mkdtempSync(join(tmpdir(), "mandat-crash-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the writer until it has acknowledged `acks` appends, then kills it without warning. */
function killAfter(path: string, acks: number): Promise<Set<string>> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [writer, path], {
      cwd: join(import.meta.dirname, "../../../.."),
      stdio: ["ignore", "pipe", "pipe"],
    });
    const acknowledged = new Set<string>();
    let buffered = "";
    let stderr = "";
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.stdout.on("data", (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split("\n");
      buffered = lines.pop() ?? "";
      for (const line of lines) if (line.startsWith("ack ")) acknowledged.add(line.slice(4));
      if (acknowledged.size >= acks) child.kill("SIGKILL");
    });
    child.on("exit", (_code, signal) =>
      signal === "SIGKILL" ? resolve(acknowledged) : reject(new Error(`writer exited on its own: ${stderr}`)),
    );
  });
}

describe("SQLite store killed mid-append", () => {
  it("keeps every acknowledged append, and every append whole or not at all", async () => {
    expect(existsSync(built), `${built} is missing: npm test builds it, or run npm run build`).toBe(true);
    const path = join(dir, "events.sqlite");
    const acknowledged = await killAfter(path, 400);

    const store = SqliteEventStore.open({ path, fileMustExist: true });
    try {
      const events = await Effect.runPromise(store.readAll());
      const perStream = new Map<string, number>();
      for (const event of events) perStream.set(event.streamId, (perStream.get(event.streamId) ?? 0) + 1);
      for (const streamId of acknowledged) expect(perStream.get(streamId)).toBe(5);
      for (const count of perStream.values()) expect(count).toBe(5);
      const report = await Effect.runPromise(verifyStore(store, { densePositions: store.densePositions }));
      expect(report).toEqual({ ok: true, checkedEvents: events.length });
    } finally {
      store.close();
    }
  });
});
