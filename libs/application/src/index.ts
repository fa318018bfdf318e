export * from "./command-envelope.js";
export * from "./command-spec.js";
export * from "./conflict-retry.js";
export * from "./errors.js";
export * from "./execute-command.js";
export * from "./idempotency.js";
export * from "./read-state.js";
export * from "./commands/organisation-commands.js";
