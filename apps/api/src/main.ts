#!/usr/bin/env node
import { ConfigError, loadConfig, prepareDataFolders, signToken } from "#platform";
import { developmentTokens } from "./runtime/development-tokens.js";

/**
 * `npm start`: the embedded default (SQLite in ./data, the demo history in an empty log)
 * unless the environment says otherwise; see docs/api.md "Configuration".
 */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
    prepareDataFolders(config);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`Mandat cannot start: ${error.message}`);
      process.exit(78);
    }
    throw error;
  }
  // Nest and the application load only once the configuration passed: a refused one exits at once.
  const { startApi } = await import("./bootstrap.js");
  const api = await startApi(config);
  // Only a secret generated here is for development: one given in AUTH_JWT_SECRET may be
  // shared with a real issuer, and tokens printed with it would be real ones in the log.
  const generatedSecret = config.auth.mode === "hs256" && config.auth.secret === undefined ? api.runtime.secret : undefined;
  const lines: string[] = [];
  if (api.demoLoaded) lines.push("The log was empty: loaded the demo history (MANDAT_DEMO=off starts empty).");
  lines.push(`\nMandat is running at ${api.url}`);
  lines.push(`API documentation: ${api.url}/docs (OpenAPI: ${api.url}/docs/openapi.json)`);
  if (generatedSecret) {
    lines.push("\nDevelopment tokens (Authorization: Bearer <token>), valid 30 days; rights come from the log:");
    for (const { label, claims } of await developmentTokens(api.runtime)) {
      lines.push(`  ${label}\n    ${await signToken(claims, generatedSecret)}`);
    }
    lines.push("");
  }
  // One write: whoever reads the output once it names the URL finds the tokens with it.
  console.log(lines.join("\n"));

  // SIGTERM is an orchestrator's or a rolling restart's: the server keeps listening for a
  // while, refusing writes and readiness, so that a balancer stops sending before the
  // listener closes and new connections are refused. Ctrl-C (SIGINT) stops at once, also
  // during that wait.
  let stopping = false;
  let endWait: (() => void) | undefined;
  const stop = (signal: string) => {
    if (stopping) {
      if (signal === "SIGINT") endWait?.();
      return;
    }
    stopping = true;
    const drainMs = signal === "SIGTERM" ? config.http.drainMs : 0;
    api.beginDraining();
    if (drainMs > 0) console.log(`${signal}: refusing writes and readiness for ${drainMs} ms (MANDAT_DRAIN_MS)`);
    const waited = new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, drainMs);
      endWait = () => {
        clearTimeout(timer);
        resolve();
      };
    });
    const closed = waited.then(() => {
      console.log(`${signal}: finishing in-flight requests, then closing the store`);
      return api.close();
    });
    closed.then(
      () => process.exit(0),
      (error: unknown) => {
        console.error("Shutdown failed:", error);
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
}

main().catch((error: unknown) => {
  console.error("Mandat failed to start:", error instanceof Error ? error.message : error);
  process.exit(1);
});
