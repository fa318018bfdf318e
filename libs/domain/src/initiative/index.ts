export * from "./commands.js";
export * from "./decider.js";
export * from "./errors.js";
export * from "./events.js";
export * from "./mandate-terms.js";
export * from "./mandate-validity.js";
export * from "./state.js";
export * from "./stream.js";
