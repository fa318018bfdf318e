import { MAX_AUDIT_EVENTS } from "#projections";
import { z } from "zod";
import { API, type RouteDefinition } from "../http/route-definition.js";
import { minPositionParameter } from "../http/time-parameters.js";
import { AUTH_PROBLEMS } from "./common.js";

const tag = "Audit";
const AUDITORS = ["auditor", "admin"] as const;
const DEFAULT_AUDIT_EVENTS = 100;

/**
 * API.md's reads take minPosition; these two read the log itself, which holds every position
 * a write has answered with: they name no read model, so it is checked like everywhere and waits for none.
 */
const minPositionOfTheLog = minPositionParameter
  .optional()
  .describe("Accepted as on every read, and answered at once: the audit reads the log itself, which holds every position a write answered");

const auditEventsQuery = z.strictObject({
  streamId: z.string().min(1).max(200).optional().describe("Only this stream's events, e.g. `initiative-<id>`"),
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

export const auditRoutes = {
  events: {
    method: "GET",
    path: `${API}/audit/events`,
    operationId: "auditEvents",
    summary:
      "Events with their full envelopes (ids, positions, recorded time, actor, hashes), in log order; data as stored, in the schema version it was written in",
    tag,
    audience: AUDITORS,
    query: auditEventsQuery,
    status: 200,
    problems: [...AUTH_PROBLEMS, "validation", "store-unavailable"],
  },
  verify: {
    method: "GET",
    path: `${API}/audit/verify`,
    operationId: "verifyLog",
    summary: "Check every hash chain of the log as stored; brokenAt names the first event that does not hold",
    tag,
    audience: AUDITORS,
    query: z.strictObject({ minPosition: minPositionOfTheLog }),
    status: 200,
    problems: [...AUTH_PROBLEMS, "validation", "store-unavailable"],
  },
} satisfies Record<string, RouteDefinition>;
