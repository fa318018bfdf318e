export * from "./projection.js";
export * from "./queries.js";
export * from "./mandates-against-lines.js";
