import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config.js";

describe("MANDAT_REGISTRATION_SERIES", () => {
  it("defaults to {year}/{n}", () => expect(loadConfig({}).registrationSeries).toBe("{year}/{n}"));
  it("takes a series such as SHK {year}/{n}", () =>
    expect(loadConfig({ MANDAT_REGISTRATION_SERIES: "SHK {year}/{n}" }).registrationSeries).toBe("SHK {year}/{n}"));
  it("refuses a series without {n}, naming the variable", () => {
    expect(() => loadConfig({ MANDAT_REGISTRATION_SERIES: "SHK {year}" })).toThrow(ConfigError);
    expect(() => loadConfig({ MANDAT_REGISTRATION_SERIES: "SHK {year}" })).toThrow(
      /MANDAT_REGISTRATION_SERIES: must contain \{n\} exactly once/,
    );
  });
  it("refuses a placeholder it does not know", () =>
    expect(() => loadConfig({ MANDAT_REGISTRATION_SERIES: "{month}/{n}" })).toThrow(/MANDAT_REGISTRATION_SERIES/));
});
