import { Effect } from "effect";
import { describe, expect, it } from "vitest";
import { jsonLogger } from "./json-logger.js";

const logged = (level: Parameters<typeof jsonLogger>[0], effect: Effect.Effect<void>) => {
  const lines: string[] = [];
  Effect.runSync(
    Effect.provide(
      effect,
      jsonLogger(level, (line) => lines.push(line)),
    ),
  );
  return lines.map((line) => JSON.parse(line) as { level: number; msg: string; time: number; pid: number });
};

describe("jsonLogger", () => {
  it("writes Effect's log lines as the server's JSON lines, with pino's level numbers", () => {
    const [line] = logged("info", Effect.logWarning("Sealing the log failed: disk full"));
    expect(line).toMatchObject({ level: 40, msg: "Sealing the log failed: disk full", pid: process.pid });
    expect(line!.time).toBeGreaterThan(0);
  });

  it("writes nothing below LOG_LEVEL, and nothing at all when silent", () => {
    expect(logged("error", Effect.logWarning("not at error"))).toEqual([]);
    expect(logged("silent", Effect.logError("nor when silent"))).toEqual([]);
    expect(logged("error", Effect.logError("this")).map((line) => line.level)).toEqual([50]);
  });
});
