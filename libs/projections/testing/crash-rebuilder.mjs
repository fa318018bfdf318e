// Rebuilds every read model of a read-model database from the log, as `mandat rebuild`
// does, and kills itself with SIGKILL while applying the event at position `crashAt`: in
// the middle of a rebuild, as a power cut or an OOM kill would. Runs on the built libraries (dist/).
import { Effect } from "effect";
import { SqliteEventStore } from "#event-store/sqlite";
import { allProjections, openReadModelDatabase, rebuildProjections } from "#projections";

const [logPath, readModelsPath, crashAt] = process.argv.slice(2);
const store = SqliteEventStore.open({ path: logPath, fileMustExist: true });
const db = openReadModelDatabase(readModelsPath);
const crashing = allProjections.map((projection) => ({
  ...projection,
  bind: (database, tables) => {
    const apply = projection.bind(database, tables);
    return (event) => {
      apply(event);
      if (event.position >= Number(crashAt)) process.kill(process.pid, "SIGKILL");
    };
  },
}));
await Effect.runPromise(rebuildProjections(db, store, crashing, { batchSize: 50 }));
