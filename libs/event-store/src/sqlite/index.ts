// The embedded adapter, imported on its own (#event-store/sqlite): the port (#event-store)
// stays free of better-sqlite3.
export { SqliteEventStore, type SqliteEventStoreOptions } from "./sqlite-event-store.js";
export { EVENT_LOG_SCHEMA, applyPragmas } from "./sqlite-schema.js";
export { SqliteSealStore } from "./sqlite-seal-store.js";
export { SqliteSealKeyRing } from "./sqlite-seal-key-ring.js";
export { type FileAccess, openSqliteForReading } from "./open-for-reading.js";
