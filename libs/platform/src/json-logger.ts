import { Layer, LogLevel, Logger } from "effect";
import type { LogLevel as LevelName } from "./operations-settings.js";

/** pino's numbers, which the server's other log lines carry (Fastify logs through pino). */
const PINO_LEVEL: Readonly<Record<string, number>> = { Fatal: 60, Error: 50, Warning: 40, Info: 30, Debug: 20, Trace: 10 };

/** LOG_LEVEL's names as Effect's levels: below it, nothing is written. */
const MINIMUM: Readonly<Record<LevelName, LogLevel.LogLevel>> = {
  fatal: LogLevel.Fatal,
  error: LogLevel.Error,
  warn: LogLevel.Warning,
  info: LogLevel.Info,
  debug: LogLevel.Debug,
  trace: LogLevel.Trace,
  silent: LogLevel.None,
};

/**
 * What the server's own background work logs through Effect (a seal that failed) as the JSON
 * lines of its other logs, at LOG_LEVEL: Effect's default logger wrote `key=value` text to
 * the console whatever the level, which a log pipeline reading JSON lines drops or chokes on.
 */
export const jsonLogger = (level: LevelName, write: (line: string) => void = (line) => process.stdout.write(line)) =>
  Layer.merge(
    Logger.replace(
      Logger.defaultLogger,
      Logger.make(({ logLevel, message, date }) => {
        const text = Array.isArray(message) ? message.map(String).join(" ") : String(message);
        write(
          `${JSON.stringify({ level: PINO_LEVEL[logLevel._tag] ?? 30, time: date.getTime(), pid: process.pid, msg: text })}\n`,
        );
      }),
    ),
    Logger.minimumLogLevel(MINIMUM[level]),
  );
