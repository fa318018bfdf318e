// Projects a log into a read-model database and kills itself with SIGKILL while applying
// the event at position `crashAt`, in the middle of a batch transaction, as a power cut or
// an OOM kill would. `follow` runs the projection runner, as the server does; `rebuild`
// rebuilds every read model, as `mandat rebuild` does. Runs on the built libraries (dist/).
import { Effect } from "effect";
import { SqliteEventStore } from "#event-store/sqlite";
import { ProjectionRunner, allProjections, openReadModelDatabase, rebuildProjections } from "#projections";

const [mode, logPath, readModelsPath, crashAt] = process.argv.slice(2);
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
if (mode === "rebuild") await Effect.runPromise(rebuildProjections(db, store, crashing, { batchSize: 50 }));
else if (mode === "follow") await Effect.runPromise(new ProjectionRunner(db, store, crashing, { batchSize: 50 }).start());
else throw new Error(`crash-while-projecting: mode must be follow or rebuild, not ${mode}`);
