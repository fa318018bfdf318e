// #application/testing: a command runtime on in-memory stores, principals and a toy spec (not built).
export * from "./command-runtime.js";
export * from "./initiative-history.js";
export * from "./principals.js";
export * from "./tally.js";
export * from "./people.js";
