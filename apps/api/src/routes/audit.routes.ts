import { type EventStoreAdmin, SealStore } from "#event-store";
import { LogVerification, RawEventStore } from "#platform";
import { MAX_AUDIT_EVENTS, auditEvents } from "#projections";
import { Effect } from "effect";
import { z } from "zod";
import { readFrom } from "../cqrs/read-query.js";
import { readRoute } from "../http/read-route.js";
import { API } from "../http/route-definition.js";
import { AUTH_PROBLEMS } from "../http/standard-problems.js";
import { minPositionParameter } from "../http/time-parameters.js";
import type { MandatRuntime } from "../runtime/mandat-runtime.js";

const tag = "Audit";
const AUDITORS = ["auditor", "admin"] as const;
const DEFAULT_AUDIT_EVENTS = 100;

/**
 * docs/api.md "Reads": reads take minPosition; these two read the log itself, which holds every position
 * a write has answered with: they name no read model, so it is checked like everywhere and waits for none.
 */
const minPositionOfTheLog = minPositionParameter
  .optional()
  .describe(
    "Accepted as on every read, and answered at once: the audit reads the log itself, which holds every position a write answered",
  );

const auditEventsQuery = z.strictObject({
  streamId: z
    .string()
    .min(1)
    .max(200)
    // Every stream id is lower case; the id in it is read in either case, as everywhere.
    .toLowerCase()
    .optional()
    .describe("Only this stream's events, e.g. `initiative-<id>`"),
  fromPosition: z.coerce.number().int().min(0).optional().describe("First global log position included; default: the start"),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_AUDIT_EVENTS)
    .default(DEFAULT_AUDIT_EVENTS)
    .describe(`At most this many events; default ${DEFAULT_AUDIT_EVENTS}`),
  minPosition: minPositionOfTheLog,
});

/**
 * A read of the log itself, run on the stores: it names no read model, so minPosition waits
 * for none. A failure such as StoreUnavailable is thrown as is for the problem filter.
 */
const readOfTheLog = <A, E>(effect: Effect.Effect<A, E, RawEventStore | EventStoreAdmin | SealStore | LogVerification>) =>
  readFrom([], (runtime: MandatRuntime): Promise<A> => runtime.run(effect));

const AUDIT_PROBLEMS = [...AUTH_PROBLEMS, "validation", "store-unavailable"];

/** An event as stored: docs/domain.md "Event envelope" (event-store's RecordedEvent). */
const RecordedEvent = z.object({
  eventId: z.string(),
  type: z.string(),
  schemaVersion: z.number().int(),
  streamId: z.string(),
  revision: z.number().int().describe("0-based within the stream"),
  position: z.number().int().describe("Global, strictly increasing in commit order"),
  recordedAt: z.string().describe("ISO-8601 UTC instant"),
  data: z.unknown().describe("In the schema version it was written in"),
  metadata: z.object({
    actor: z.object({ id: z.string(), roles: z.array(z.string()) }),
    commandId: z.string(),
    correlationId: z.string(),
    causationId: z.string(),
    idempotencyKey: z.string().optional(),
    hash: z.string().describe("SHA-256 (hex) over the canonical envelope without hash"),
    prevHash: z.string().describe("hash of the previous event in the stream; 64 zeros for revision 0"),
  }),
});

export const auditRoutes = {
  /** As stored (docs/api.md: raw events): what the hashes cover, checkable against them. */
  events: readRoute({
    path: `${API}/audit/events`,
    operationId: "auditEvents",
    summary:
      "Events with their full envelopes (ids, positions, recorded time, actor, hashes), in log order; data as stored, in the schema version it was written in",
    tag,
    audience: AUDITORS,
    query: auditEventsQuery,
    response: z.array(RecordedEvent),
    problems: AUDIT_PROBLEMS,
    read: ({ query }) =>
      readOfTheLog(
        Effect.flatMap(RawEventStore, (store) =>
          auditEvents(store, { streamId: query.streamId, fromPosition: query.fromPosition, limit: query.limit }),
        ),
      ),
  }),
  /**
   * Over the raw store: the hashes cover what was written, not its upcast shape. One walk
   * at a time, shared by callers and kept until the head or the seals change.
   */
  verify: readRoute({
    path: `${API}/audit/verify`,
    operationId: "verifyLog",
    summary:
      "Check every hash chain of the log as stored and every seal against it; brokenAt names the first event that does not hold, seals.failures each seal that does not (truncated, digest-mismatch, bad-signature, unknown-key)",
    tag,
    audience: AUDITORS,
    query: z.strictObject({ minPosition: minPositionOfTheLog }),
    problems: AUDIT_PROBLEMS,
    read: () => readOfTheLog(Effect.flatMap(LogVerification, (verification) => verification.verify)),
  }),
  seals: readRoute({
    path: `${API}/audit/seals`,
    operationId: "listSeals",
    summary: "Every seal of the log, by the number of events it covers",
    tag,
    audience: AUDITORS,
    query: z.strictObject({ minPosition: minPositionOfTheLog }),
    problems: AUDIT_PROBLEMS,
    read: () => readOfTheLog(Effect.flatMap(SealStore, (store) => store.all)),
  }),
};
