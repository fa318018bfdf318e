export * from "./projection.js";
export * from "./queries.js";
export * from "./describe-people.js";
export * from "./directory.js";
