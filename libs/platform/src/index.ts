export * from "./config.js";
export * from "./jwt-secret.js";
export * from "./mandat-layer.js";
export * from "./tokens.js";
export * from "./instants.js";
export * from "./describe-people.js";
