// #projections/testing: a read-model harness, a toy projection and a generated history, for
// tests only. The benchmark, which runs from dist/, imports the generator alone through
// #projections/history-generator, so that nothing of vitest is built or loaded for it.
export * from "./history-generator.js";
export * from "./projection-harness.js";
export * from "./tally-projection.js";
export * from "./unstartable-projection.js";
