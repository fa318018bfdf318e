// Imported on its own (#event-store/eventstoredb): the gRPC client it loads is heavy, and
// the embedded default never needs it.
export { EventStoreDbEventStore } from "./eventstoredb-event-store.js";
