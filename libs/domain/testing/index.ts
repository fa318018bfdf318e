// #domain/testing: given/when/then for deciders. For tests only (not built).
export * from "./decider-spec.js";
