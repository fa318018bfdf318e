import { SqliteEventStore } from "#event-store/sqlite";
import { allProjections, openReadModelDatabase, rebuildProjections } from "#projections";
import { Effect } from "effect";

/**
 * `node rebuild-child.js <log> <read-models>`: one full rebuild, reported as JSON with this
 * process's peak RSS and the CPU time of all its threads (the event loop, the log reader
 * thread, V8's helpers) while it ran.
 */
const [logPath, readModelsPath] = process.argv.slice(2) as [string, string];
const store = SqliteEventStore.open({ path: logPath, fileMustExist: true });
const db = openReadModelDatabase(readModelsPath);
const started = performance.now();
const cpuBefore = process.cpuUsage();
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
const cpu = process.cpuUsage(cpuBefore);
process.stderr.write("\n");
console.log(JSON.stringify({ events, ms, cpuMs: (cpu.user + cpu.system) / 1000, maxRssKb: process.resourceUsage().maxRSS }));
db.close();
store.close();
