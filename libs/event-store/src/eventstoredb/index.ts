// Imported on its own (#event-store/eventstoredb): the gRPC client it loads is heavy, and
// the embedded default never needs it.
export * from "./esdb-client.js";
export * from "./esdb-positions.js";
export * from "./eventstoredb-event-store.js";
export { CLAIM_STREAM_PREFIX } from "./idempotency-claims.js";
