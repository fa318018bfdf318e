/**
 * Steps that bring an old stored payload to today's shape, applied on every read
 * (structurally the event store's Upcaster). When an event's schema changes: raise its
 * schemaVersion in the stream's events.ts and add a step here from the old version; the
 * stored events, and the hashes over them, stay as they were written.
 */
export interface UpcastStep {
  readonly type: string;
  readonly fromVersion: number;
  readonly upcast: (data: unknown) => unknown;
}

export const upcasters: ReadonlyArray<UpcastStep> = [];
