export * from "./runner/checkpoints.js";
export * from "./runner/generations.js";
export * from "./runner/projection-definition.js";
export * from "./runner/projection-runner.js";
export * from "./runner/read-model-database.js";
export * from "./runner/rebuild.js";
