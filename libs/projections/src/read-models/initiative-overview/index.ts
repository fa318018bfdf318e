export * from "./projection.js";
export * from "./queries.js";
export * from "./overview.js";
