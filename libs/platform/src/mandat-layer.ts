import { existsSync } from "node:fs";
import { CommandStreams, RegistrationSeries } from "#application";
import { upcasters } from "#domain";
import {
  EventStore,
  EventStoreAdmin,
  type EventStoreAdminService,
  type EventStoreObserver,
  NO_OBSERVER,
  type EventStoreService,
  type StoreUnavailable,
  UpcasterRegistry,
  withUpcasting,
} from "#event-store";
import { type FileAccess, SqliteEventStore, openSqliteForReading } from "#event-store/sqlite";
import { type KeyStore, type KeyStoreUnavailable, SqliteKeyStore } from "#privacy";
import { Context, Effect, Layer } from "effect";
import type { MandatConfig } from "./config.js";
import { RawEventStore } from "./raw-event-store.js";
import { type SealingServices, sealingLayer } from "./sealing.js";

export { RawEventStore };

export type MandatServices = RawEventStore | EventStoreAdmin | EventStore | CommandStreams | KeyStore | SealingServices;

/** One adapter as both the raw store and EventStoreAdmin (the CLI's import, migrate, verify). */
const adapterContext = (adapter: EventStoreService & EventStoreAdminService) =>
  Context.make(RawEventStore, adapter).pipe(Context.add(EventStoreAdmin, adapter));

const rawEventStore = (
  config: MandatConfig,
  observer: EventStoreObserver,
  access: FileAccess,
): Layer.Layer<RawEventStore | EventStoreAdmin, StoreUnavailable> => {
  switch (config.store.engine) {
    case "sqlite":
      return Layer.scopedContext(
        Effect.map(SqliteEventStore.acquire({ path: config.store.path, observer, access }), adapterContext),
      );
    case "eventstoredb": {
      const { connectionString } = config.store;
      // Loaded only when configured: the gRPC client is heavy for the embedded default.
      return Layer.unwrapEffect(
        Effect.map(
          Effect.promise(() => import("#event-store/eventstoredb")),
          ({ EventStoreDbEventStore }) =>
            Layer.scopedContext(Effect.map(EventStoreDbEventStore.acquire(connectionString), adapterContext)),
        ),
      );
    }
  }
};

/**
 * Everything a Mandat process runs on, opened on acquire and closed (appends flushed) on
 * release. The embedded store tells `observer` how its appends and group commits go.
 * `read-only`: the local files (the embedded log, the seals, the person keys) are opened so
 * that nothing in them or beside them changes, and none is created: the tools that only read.
 */
export const mandatLayer = (
  config: MandatConfig,
  observer: EventStoreObserver = NO_OBSERVER,
  access: FileAccess = "read-write",
): Layer.Layer<MandatServices, StoreUnavailable | KeyStoreUnavailable> => {
  const registry = new UpcasterRegistry(upcasters);
  const raw = rawEventStore(config, observer, access);
  const upcast = Layer.effect(
    EventStore,
    Effect.map(RawEventStore, (store) => withUpcasting(store, registry)),
  );
  // Commands read stream states through a cache of this process, over the upcast store they read.
  const commandStreams = Layer.provideMerge(CommandStreams.layer(), upcast);
  // Commands number in the configured series; a reference, so it adds nothing to MandatServices.
  const series = Layer.succeed(RegistrationSeries, { pattern: config.registrationSeries });
  // Seals are kept and checked beside the log, against the log as stored.
  const sealing = sealingLayer(config.seals, access);
  return Layer.mergeAll(
    Layer.provideMerge(Layer.merge(commandStreams, sealing), raw),
    keyStoreLayer(config.keysPath, access),
    series,
  );
};

/** The person keys; a tool that only reads opens the file as it is, and without one no name opens. */
const keyStoreLayer = (path: string, access: FileAccess): Layer.Layer<KeyStore, KeyStoreUnavailable> =>
  access === "read-write"
    ? SqliteKeyStore.layer(path)
    : SqliteKeyStore.readingLayer(() => (existsSync(path) ? openSqliteForReading(path) : undefined));
