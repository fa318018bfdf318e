import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config.js";

/** The variables of libs/platform/src/operations-settings.ts, through loadConfig as the server reads them. */
describe("operations settings", () => {
  it("has defaults a server in production can start with", () => {
    expect(loadConfig({}).operations).toEqual({
      logLevel: "info",
      liveFeeds: { perPrincipal: 5, total: 500, bufferBytes: 256 * 1024 },
      rateLimits: { authFailuresPerMinute: 30, writesPerMinute: 600 },
      trustedProxies: [],
      metricsToken: undefined,
    });
  });

  it("reads numbers written in digits, with a decimal point where a fraction makes sense", () => {
    const config = loadConfig({ PORT: "8080", MANDAT_SEAL_EVERY_MINUTES: "0.5", MANDAT_DRAIN_MS: "0" });
    expect([config.port, config.seals.policy.everyMs, config.http.drainMs]).toEqual([8080, 30_000, 0]);
  });

  it("reads the trusted proxies as a list of addresses and ranges", () => {
    const { operations } = loadConfig({ MANDAT_TRUSTED_PROXIES: " 10.0.0.5, 172.30.240.128/25,fd00::1/64 " });
    expect(operations.trustedProxies).toEqual(["10.0.0.5", "172.30.240.128/25", "fd00::1/64"]);
  });

  it.each([
    ["MANDAT_TRUSTED_PROXIES", "10.0.0.300"],
    ["MANDAT_TRUSTED_PROXIES", "10.0.0.0/33"],
    ["MANDAT_TRUSTED_PROXIES", "proxy.kommun.se"],
    ["LOG_LEVEL", "verbose"],
    ["MANDAT_LIVE_FEED_BUFFER_BYTES", "1024"],
    ["MANDAT_WRITES_PER_MINUTE", "-1"],
    ["METRICS_TOKEN", "short"],
    // Numbers are written in digits: not as hex, with an exponent, or padded.
    ["PORT", "0x10"],
    ["PORT", "1e3"],
    ["PORT", " 3000"],
    ["MANDAT_SEAL_EVERY_EVENTS", "2e7"],
    ["MANDAT_DRAIN_MS", "5s"],
  ])("refuses %s=%s, naming the variable", (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(name);
  });
});
