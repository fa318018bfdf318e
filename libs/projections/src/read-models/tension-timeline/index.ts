export type { TimelineBucket } from "./periods.js";
export * from "./projection.js";
export * from "./queries.js";
export * from "./tension-list.js";
