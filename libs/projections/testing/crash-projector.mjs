// Follows a log into a read-model database and kills itself with SIGKILL while applying
// the event at position `crashAt`: in the middle of a batch transaction, as a power cut
// or an OOM kill would. Runs on the built libraries (dist/), as the server does.
import { Effect } from "effect";
import { SqliteEventStore } from "#event-store/sqlite";
import { ProjectionRunner, allProjections, openReadModelDatabase } from "#projections";

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
const runner = new ProjectionRunner(db, store, crashing, { batchSize: 50 });
await Effect.runPromise(runner.start());
