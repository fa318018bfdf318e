import type { ProjectionDefinition } from "../src/index.js";

/**
 * A toy read model for runner tests: counts events per stream with read-modify-write
 * updates, so an event applied twice or skipped shows up as a wrong count.
 */
export const tallyProjection = (
  options: { readonly version?: number; readonly failOn?: (data: unknown) => boolean; readonly name?: string } = {},
): ProjectionDefinition<"tallies"> => ({
  name: options.name ?? "tallies",
  version: options.version ?? 1,
  tables: {
    tallies: { columns: "stream_id TEXT PRIMARY KEY, events INTEGER NOT NULL, version INTEGER NOT NULL" },
  },
  eventTypes: new Set(["Counted"]),
  bind: (db, tables) => {
    const upsert = db.prepare(
      `INSERT INTO ${tables.tallies} (stream_id, events, version) VALUES (?, 1, ?)
       ON CONFLICT (stream_id) DO UPDATE SET events = events + 1`,
    );
    return (event) => {
      if (options.failOn?.(event.data)) throw new Error("this event breaks the tally");
      upsert.run(event.streamId, options.version ?? 1);
    };
  },
});
