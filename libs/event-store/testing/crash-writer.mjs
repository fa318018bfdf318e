// Appends forever, five events per append, sixteen appends in flight, and prints the
// stream of every acknowledged append; the crash test kills it with SIGKILL mid-flight.
// Runs on the built library (dist/), as the server does.
import { Effect } from "effect";
import { ExpectedRevision } from "#event-store";
import { SqliteEventStore } from "#event-store/sqlite";

const store = SqliteEventStore.open({ path: process.argv[2] });
const event = (i) => ({
  type: "CrashTested",
  schemaVersion: 1,
  data: { i, padding: "x".repeat(500) },
  metadata: { actor: { id: "crash", roles: [] }, commandId: "c", correlationId: "c", causationId: "c" },
});
let next = 0;
const writer = async () => {
  for (;;) {
    const streamId = `crash-${process.pid}-${next++}`;
    await Effect.runPromise(store.append(streamId, [0, 1, 2, 3, 4].map(event), ExpectedRevision.noStream));
    process.stdout.write(`ack ${streamId}\n`);
  }
};
await Promise.all(Array.from({ length: 16 }, writer));
