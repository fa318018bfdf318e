import type { EventStoreService } from "#event-store";
import { Context } from "effect";

/**
 * The log exactly as stored: for verification, sealing, export and copying between
 * engines, where hashes must be checked against what was written, never against upcast shapes.
 */
export class RawEventStore extends Context.Tag("@mandat/RawEventStore")<RawEventStore, EventStoreService>() {}
