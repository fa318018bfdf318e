#!/usr/bin/env -S node --max-old-space-size=256
import { parseArgs } from "node:util";
import { archive } from "./commands/archive.js";
import { backup } from "./commands/backup.js";
import { demo } from "./commands/demo.js";
import { exportLog } from "./commands/export.js";
import { history } from "./commands/history.js";
import { importLog } from "./commands/import.js";
import { migrate } from "./commands/migrate.js";
import { rebuild } from "./commands/rebuild.js";
import { seal } from "./commands/seal.js";
import { sealKeys } from "./commands/seal-keys.js";
import { state } from "./commands/state.js";
import { token } from "./commands/token.js";
import { verify } from "./commands/verify.js";
import { CliError, EXIT, type ExitCode } from "./exit-codes.js";
import { explain } from "./explain.js";

const USAGE = `mandat: operate and audit a Mandat event log (configured like the server: MANDAT_STORE, MANDAT_SQLITE_PATH, ...)

  mandat history <initiative-id | stream-id> [--asOf <date|instant>] [--json]
  mandat state <initiative-id> [--at <date>] [--asOf <date|instant>] [--json]
  mandat verify [--json]
  mandat seal
  mandat seal-keys [--rotate]
  mandat archive --output <folder|file.tar> [--from <date>] [--to <date>]
  mandat backup --output <folder>   (the log, seals and keys, copied online while the server runs)
  mandat rebuild [projection]
  mandat export --format jsonl|csv [--stream <id>] [--initiative <id>] [--from <date|instant>] [--to <date|instant>] [--output <file>] [--seals <file>]
  mandat import <file> [--seals <file>]
  mandat token --person <id|name>              (a Core Team member or lead; rights come from the log)
  mandat token --role <admin|auditor> [--sub <id>]
  mandat demo
  mandat migrate --to eventstoredb   (copies MANDAT_SQLITE_PATH into EVENTSTORE_CONNECTION_STRING)

Exit codes: 0 done; 1 the log is broken (verify, import, migrate); 64 bad arguments;
65 bad data; 66 missing store or file; 69 store unavailable or locked, or read-model
database not writable; 70 unexpected failure (a bug: MANDAT_DEBUG=1 prints the stack
trace); 73 target not empty, or --output exists or cannot be created; 77 refused in
production; 78 bad configuration.`;

const OPTIONS = {
  asOf: { type: "string" },
  at: { type: "string" },
  json: { type: "boolean" },
  format: { type: "string" },
  stream: { type: "string" },
  // export: an initiative's events (its own stream, the signals and tensions about it).
  initiative: { type: "string" },
  from: { type: "string" },
  // export: the end of the recorded-time range; migrate: the target engine.
  to: { type: "string" },
  output: { type: "string" },
  // export: where the seals and their keys go; import: where they come from.
  seals: { type: "string" },
  role: { type: "string" },
  person: { type: "string" },
  sub: { type: "string" },
  rotate: { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const;

async function run(argv: ReadonlyArray<string>): Promise<ExitCode> {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new CliError(EXIT.usage, (error as Error).message);
  }
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  if (values.help || command === undefined || command === "help") {
    console.log(USAGE);
    return command === undefined && !values.help ? EXIT.usage : EXIT.ok;
  }
  const extra = (allowed: number) => {
    if (rest.length > allowed) throw new CliError(EXIT.usage, `Unexpected argument "${rest[allowed]}" for mandat ${command}`);
  };
  switch (command) {
    case "history":
      extra(1);
      return history(rest[0], values);
    case "state":
      extra(1);
      return state(rest[0], values);
    case "verify":
      extra(0);
      return verify(values);
    case "seal":
      extra(0);
      return seal();
    case "seal-keys":
      extra(0);
      return sealKeys(values);
    case "archive":
      extra(0);
      return archive(values);
    case "backup":
      extra(0);
      return backup(values);
    case "rebuild":
      extra(1);
      return rebuild(rest[0]);
    case "export":
      extra(0);
      return exportLog(values);
    case "import":
      extra(1);
      return importLog(rest[0], values);
    case "token":
      extra(0);
      return token(values);
    case "demo":
      extra(0);
      return demo();
    case "migrate":
      extra(0);
      return migrate(values);
    default:
      throw new CliError(EXIT.usage, `Unknown command "${command}"; run mandat --help`);
  }
}

// Piped into `head` or a closed pager: stop quietly, as Unix tools do.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(EXIT.ok);
});

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    const { code, message } = explain(error);
    console.error(`mandat: ${message}`);
    if (process.env.MANDAT_DEBUG && error instanceof Error) console.error(error.stack);
    process.exit(code);
  },
);
