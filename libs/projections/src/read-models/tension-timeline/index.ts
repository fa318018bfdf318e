export type { TimelineBucket } from "./periods.js";
export * from "./projection.js";
export * from "./queries.js";
