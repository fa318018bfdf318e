import type { EventStoreDBClient } from "@eventstore/db-client";

/**
 * The part of the EventStoreDB client the adapter uses: narrow enough to stand in for in
 * tests (there is no server where the test suite runs), wide enough to be the real one.
 */
export type EsdbClient = Pick<EventStoreDBClient, "appendToStream" | "readStream" | "readAll" | "subscribeToAll" | "dispose">;
