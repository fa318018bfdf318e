import { SqliteEventStore } from "#event-store/sqlite";
import { allProjections, openReadModelDatabase, rebuildProjections } from "#projections";
import { Effect } from "effect";

/** `node rebuild-child.js <log> <read-models>`: one full rebuild, reported as JSON with this process's peak RSS. */
const [logPath, readModelsPath] = process.argv.slice(2) as [string, string];
const store = SqliteEventStore.open({ path: logPath, fileMustExist: true });
const db = openReadModelDatabase(readModelsPath);
const started = performance.now();
let events = 0;
await Effect.runPromise(
  rebuildProjections(db, store, allProjections, {
    onProgress: (progress) => {
      events = progress.events;
      if (events % 100_000 < 5_000) process.stderr.write(`\r  rebuilt ${events} of ${progress.headPosition}`);
    },
  }),
);
const ms = performance.now() - started;
process.stderr.write("\n");
console.log(JSON.stringify({ events, ms, maxRssKb: process.resourceUsage().maxRSS }));
db.close();
store.close();
