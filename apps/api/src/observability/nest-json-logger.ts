import type { LoggerService } from "@nestjs/common";
import type { FastifyBaseLogger } from "fastify";

type Level = "fatal" | "error" | "warn" | "info" | "debug" | "trace";

/**
 * Nest's logging, onto Fastify's JSON logger (docs/api.md "Logs"), so that stdout is JSON
 * lines only and LOG_LEVEL governs Nest too. Nest's `log` is its own chatter (each route
 * mapped, the application started): it goes out at `debug`, so the `info` log holds one
 * line per request and no more. An error's stack, when Nest passes one, is its `stack`.
 */
export class NestJsonLogger implements LoggerService {
  constructor(private readonly logger: Pick<FastifyBaseLogger, Level>) {}

  fatal(message: unknown, ...params: unknown[]): void {
    this.write("fatal", message, params);
  }
  error(message: unknown, ...params: unknown[]): void {
    this.write("error", message, params);
  }
  warn(message: unknown, ...params: unknown[]): void {
    this.write("warn", message, params);
  }
  log(message: unknown, ...params: unknown[]): void {
    this.write("debug", message, params);
  }
  debug(message: unknown, ...params: unknown[]): void {
    this.write("debug", message, params);
  }
  verbose(message: unknown, ...params: unknown[]): void {
    this.write("trace", message, params);
  }

  /** Nest passes the context (the logger's name) last, and an error's stack before it. */
  private write(level: Level, message: unknown, params: ReadonlyArray<unknown>): void {
    const texts = params.filter((param): param is string => typeof param === "string");
    const stack = texts.find((text) => text.includes("\n"));
    const context = texts.filter((text) => text !== stack).at(-1);
    const fields = { ...(context === undefined ? {} : { context }), ...(stack === undefined ? {} : { stack }) };
    this.logger[level](fields, message instanceof Error ? (message.stack ?? message.message) : String(message));
  }
}
