export * from "./delegation-decisions.js";
export * from "./open-next-steps.js";
export * from "./projection.js";
export * from "./queries.js";
export * from "./registered-minutes.js";
