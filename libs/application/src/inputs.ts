// Every command's input schema: what callers (the API, the CLI, the web app's forms) send.
// Schemas only, with no store or key in reach, so that a browser can import them too.
export * from "./commands/organisation/inputs.js";
export * from "./commands/person/inputs.js";
export * from "./commands/initiative/inputs.js";
export * from "./commands/signal/inputs.js";
export * from "./commands/tension/inputs.js";
export * from "./commands/meeting/inputs.js";
export * from "./commands/budget/inputs.js";
export * from "./commands/registration/inputs.js";
// How a form shows a refinement's own message in Swedish, as the API does (parse-input.ts).
export { ownSwedish } from "#domain";
