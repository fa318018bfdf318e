// #event-store/testing: the contract every adapter passes, and stand-ins for tests (not built).
export * from "./event-store-contract.js";
export * from "./fake-eventstoredb-client.js";
export * from "./namespaced-store.js";
export * from "./run-module-script.js";
export * from "./folder-digests.js";
