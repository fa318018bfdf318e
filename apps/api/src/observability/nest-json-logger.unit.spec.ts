import { describe, expect, it } from "vitest";
import { NestJsonLogger } from "./nest-json-logger.js";

describe("NestJsonLogger", () => {
  const recorded = () => {
    const lines: Array<{ level: string; fields: object; message: string }> = [];
    const at = (level: string) => (fields: object, message: string) => void lines.push({ level, fields, message });
    const logger = {
      fatal: at("fatal"),
      error: at("error"),
      warn: at("warn"),
      info: at("info"),
      debug: at("debug"),
      trace: at("trace"),
    };
    return { lines, nest: new NestJsonLogger(logger as never) };
  };

  it("writes Nest's own chatter at debug, below the info of the access log", () => {
    const { lines, nest } = recorded();
    nest.log("Mapped {/health, GET} route", "RouterExplorer");
    nest.verbose("details");
    expect(lines).toEqual([
      { level: "debug", fields: { context: "RouterExplorer" }, message: "Mapped {/health, GET} route" },
      { level: "trace", fields: {}, message: "details" },
    ]);
  });

  it("keeps an error's context and stack apart from its message", () => {
    const { lines, nest } = recorded();
    nest.error("It broke", "Error: It broke\n    at somewhere (file.js:1:1)", "ExceptionsHandler");
    nest.warn("Careful", "Problems");
    expect(lines).toEqual([
      {
        level: "error",
        fields: { context: "ExceptionsHandler", stack: "Error: It broke\n    at somewhere (file.js:1:1)" },
        message: "It broke",
      },
      { level: "warn", fields: { context: "Problems" }, message: "Careful" },
    ]);
  });

  it("writes an Error given as the message with its stack", () => {
    const { lines, nest } = recorded();
    const error = new Error("Unexpected");
    nest.fatal(error);
    expect(lines[0]).toMatchObject({ level: "fatal", message: error.stack });
  });
});
