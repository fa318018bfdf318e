export * from "./agenda-candidates.js";
