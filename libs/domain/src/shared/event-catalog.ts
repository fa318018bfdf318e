import type { z } from "zod";

/** What the store needs to know of an event type: its current version and payload schema. */
export interface EventDefinition<Schema extends z.ZodType = z.ZodType> {
  readonly schemaVersion: number;
  readonly schema: Schema;
}

/** Every event type of one stream, keyed by type name. */
export type EventCatalog = Readonly<Record<string, EventDefinition>>;

/** The union of `{ type, data }` events a catalog describes. */
export type EventsOf<Catalog extends EventCatalog> = {
  [Type in keyof Catalog & string]: { readonly type: Type; readonly data: z.infer<Catalog[Type]["schema"]> };
}[keyof Catalog & string];
