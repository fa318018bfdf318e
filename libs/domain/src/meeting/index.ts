export * from "./commands.js";
export * from "./decider.js";
export * from "./errors.js";
export * from "./events.js";
export * from "./state.js";
export * from "./stream.js";
export * from "./log-seal.js";
