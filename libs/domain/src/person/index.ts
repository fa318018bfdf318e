export * from "./commands.js";
export * from "./core-team-on.js";
export * from "./decider.js";
export * from "./errors.js";
export * from "./registered-people.js";
export * from "./events.js";
export * from "./state.js";
export * from "./stream.js";
