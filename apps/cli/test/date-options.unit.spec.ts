import { describe, expect, it } from "vitest";
import { dateOption, instantOption } from "../src/date-options.js";
import { CliError, EXIT } from "../src/exit-codes.js";

/** What a wrong time option throws: a usage error naming the flag and the value. */
function usageError(parse: () => unknown): CliError {
  try {
    parse();
  } catch (error) {
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).exitCode).toBe(EXIT.usage);
    return error as CliError;
  }
  throw new Error("expected a usage error");
}

describe("dateOption (--at)", () => {
  it("takes a calendar date as it is, and nothing when not given", () => {
    expect(dateOption("--at", "2024-02-29")).toBe("2024-02-29");
    expect(dateOption("--at", undefined)).toBeUndefined();
  });

  it("refuses a day the calendar lacks and what is not a date", () => {
    for (const text of ["2024-02-31", "2023-02-29", "2024-13-01", "20-10-2024", "2024-10-20T12:00:00Z"]) {
      expect(usageError(() => dateOption("--at", text)).message).toBe(`--at takes a date (YYYY-MM-DD), not "${text}"`);
    }
  });
});

describe("instantOption (--asOf, --from, --to)", () => {
  it("takes a date as the start or the end of that day in Stockholm, an instant as given", () => {
    expect(instantOption("--from", "2024-02-29", "start")).toBe("2024-02-28T23:00:00.000Z");
    expect(instantOption("--asOf", "2024-02-29", "end")).toBe("2024-02-29T22:59:59.999Z");
    expect(instantOption("--to", "2024-10-20T14:00:00+02:00", "end")).toBe("2024-10-20T12:00:00.000Z");
    expect(instantOption("--asOf", undefined, "end")).toBeUndefined();
  });

  it("refuses a day the calendar lacks, in a date or an instant, and an instant without offset", () => {
    for (const [flag, text, edge] of [
      ["--asOf", "2024-02-30", "end"],
      ["--from", "2024-02-30", "start"],
      ["--to", "2024-02-30T10:00:00Z", "end"],
      ["--asOf", "2024-10-20T14:00:00", "end"],
      ["--asOf", "last tuesday", "end"],
    ] as const) {
      expect(usageError(() => instantOption(flag, text, edge)).message).toMatch(
        new RegExp(`^${flag} takes a date .* not "${text}"$`),
      );
    }
  });
});
