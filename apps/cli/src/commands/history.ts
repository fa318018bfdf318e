import { type SealedText, parseStreamName, personStream } from "#domain";
import type { EventStoreService } from "#event-store";
import { KeyStore, readPersonalData } from "#privacy";
import { Effect } from "effect";
import { withContext } from "../cli-context.js";
import { instantOption } from "../date-options.js";
import { CliError, EXIT, type ExitCode } from "../exit-codes.js";
import { timeline } from "../timeline.js";
import { isUuid } from "../uuid.js";

/** `mandat history <initiative-id | stream-id> [--asOf <instant>] [--json]`: a stream as a timeline. */
export async function history(target: string | undefined, options: { asOf?: string; json?: boolean }): Promise<ExitCode> {
  if (!target) throw new CliError(EXIT.usage, "mandat history <initiative-id | stream-id>");
  // Stream ids are lower case, and the ids in them are read in either case, as the API reads them.
  const streamId = (isUuid(target) ? `initiative-${target}` : target).toLowerCase();
  if (!parseStreamName(streamId))
    throw new CliError(EXIT.usage, `"${target}" is neither an initiative id nor a stream id such as signal-<id>`);
  const asOf = instantOption("--asOf", options.asOf, "end");
  return withContext("read", async (context) => {
    const events = await context
      .run(context.store.readStream(streamId, asOf === undefined ? {} : { recordedUpTo: asOf }))
      .catch((error: { _tag?: string }) => {
        throw error._tag === "StreamNotFound"
          ? new CliError(EXIT.noInput, `No stream ${streamId}${asOf ? ` as known at ${asOf}` : ""}`)
          : error;
      });
    const names = await context.run(
      actorNames(
        context.store,
        events.map((e) => e.metadata.actor.id),
      ).pipe(
        // Who may read the log may not read the keys (an auditor): the timeline, with ids for names.
        Effect.catchTag("KeyStoreUnavailable", ({ reason }) =>
          Effect.sync(() => {
            console.error(`People are shown by id: their names cannot be opened (${reason})`);
            return new Map<string, string>();
          }),
        ),
      ),
    );
    const entries = timeline(events, (id) => names.get(id) ?? id);
    if (options.json) {
      console.log(JSON.stringify(entries, null, 2));
      return EXIT.ok;
    }
    console.log(`${streamId}${asOf ? ` as known at ${asOf}` : ""}: ${entries.length} events`);
    for (const entry of entries) {
      console.log(
        `${entry.recordedAt.slice(0, 19).replace("T", " ")}  #${entry.revision}  ${entry.type.padEnd(24)} ${entry.actor}`,
      );
      console.log(`    ${entry.change}`);
    }
    return EXIT.ok;
  });
}

/** Actors that are registered people, by name (opened with their keys); others by id. */
const actorNames = (store: EventStoreService, ids: ReadonlyArray<string>) =>
  Effect.gen(function* () {
    const keys = yield* KeyStore;
    const names = new Map<string, string>();
    for (const id of new Set(ids)) {
      if (!isUuid(id)) continue;
      const events = yield* Effect.orElseSucceed(store.readStream(personStream(id), { maxCount: 1 }), () => []);
      const registered = events[0];
      if (registered?.type !== "PersonRegistered") continue;
      const sealed = registered.data as { name: SealedText; email?: SealedText };
      names.set(id, (yield* readPersonalData(keys, id, sealed)).name);
    }
    return names;
  });
