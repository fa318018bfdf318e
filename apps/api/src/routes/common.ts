import { z } from "zod";

export const API = "/api/v1";

/** API.md "Writes": the answer to every command. */
export const WriteAnswer = z.object({
  id: z.string().describe("The created or changed resource"),
  revision: z.number().int().describe("Revision of the resource's stream after the write"),
  position: z.number().int().describe("Position of the write in the global log"),
});

export const idParam = z.strictObject({ id: z.uuid() });
export const emptyBody = z.strictObject({});

/** Problems every authenticated route can answer with, besides its own. */
export const AUTH_PROBLEMS = ["unauthenticated", "forbidden"] as const;
/** Problems every command can answer with, besides its rules. */
export const COMMAND_PROBLEMS = [
  ...AUTH_PROBLEMS,
  "validation",
  "not-found",
  "precondition-failed",
  "idempotency-key-reused",
  "concurrency-conflict",
  "payload-too-large",
  "store-unavailable",
] as const;
export const READ_PROBLEMS = [...AUTH_PROBLEMS, "validation", "read-model-behind"] as const;

/** The names of a set of rule classes, for a route's documented problems. */
export const rules = (...classes: ReadonlyArray<{ readonly rule: string }>) => classes.map((c) => c.rule);
