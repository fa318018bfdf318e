import { type MandatEventOf, type MandatEventType, type StreamCategory, parseStreamName } from "#domain";
import type { RecordedEvent } from "#event-store";
import type Database from "better-sqlite3";
import type { ApplyEvent, PhysicalTables, ProjectionDefinition, TableDefinition } from "./projection-definition.js";

/** A recorded event of one of the types `Type`, its payload typed. */
export type RecordedMandatEvent<Type extends MandatEventType> = RecordedEvent & MandatEventOf<Type>;

/**
 * A projection of Mandat events, its event types taken from the `handles` list. The runner
 * hands the handler only events of those types, and the store validated each payload on
 * append, so the handler may take them as the typed union and switch on `type`.
 */
export function defineProjection<Table extends string, const Handled extends MandatEventType>(definition: {
  readonly name: string;
  readonly version: number;
  readonly tables: Readonly<Record<Table, TableDefinition>>;
  readonly handles: ReadonlyArray<Handled>;
  readonly bind: (db: Database.Database, tables: PhysicalTables<Table>) => (event: RecordedMandatEvent<Handled>) => void;
}): ProjectionDefinition<Table> {
  const { handles, bind, ...rest } = definition;
  return { ...rest, eventTypes: new Set(handles), bind: (db, tables) => bind(db, tables) as ApplyEvent };
}

/** The id in the event's `<category>-<id>` stream name; throws when the stream is of another category. */
export function streamEntityId(event: RecordedEvent, category: StreamCategory): string {
  const stream = parseStreamName(event.streamId);
  if (stream?.category !== category) throw new Error(`${event.type} on ${event.streamId}: not a ${category} stream`);
  return stream.id;
}
