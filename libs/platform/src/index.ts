export * from "./config.js";
export * from "./operations-settings.js";
export * from "./jwt-secret.js";
export * from "./mandat-layer.js";
export * from "./read-models.js";
export * from "./effect-runtime.js";
export * from "./tokens.js";
export * from "./instants.js";
