import { InitiativeClosed } from "#domain";
import { initiativeRecord } from "#projections";
import type Database from "better-sqlite3";
import { z } from "zod";
import type { ParsedRequest } from "../http/route-definition.js";
import { today } from "../http/time-parameters.js";
import { COMMAND_PROBLEMS, rules } from "./common.js";

/** Path parameters under `/initiatives/:id`, named as the command specs name them (`goalId`, `mandateId`, ...). */
export const initiativeParams = <Shape extends z.ZodRawShape>(shape: Shape) => z.strictObject({ id: z.uuid(), ...shape });

/**
 * A command input from a path under `/initiatives/:id` and the body: the specs take
 * `{ initiativeId, ...otherPathIds, ...body }`.
 */
export const onInitiative = ({ params: { id, ...pathIds }, body }: ParsedRequest) => ({ initiativeId: id, ...pathIds, ...body });

/** API.md's "core-team, lead": the command pipeline checks the lead's initiatives once it has read the stream. */
export const coreTeamOrItsLeads = {
  audience: ["core-team", "initiative-lead"],
  scope: "A lead only for the initiatives in their token.",
} as const;

/** Every command on an existing initiative can meet a closed one, besides its own rules. */
export const initiativeProblems = (...classes: ReadonlyArray<{ readonly rule: string }>) => [
  ...COMMAND_PROBLEMS,
  ...rules(InitiativeClosed, ...classes),
];

/** Runs `read` only for an initiative registered as of `asOf`; otherwise undefined, which Reads answers with 404. */
export const ifInitiativeKnown = <Answer>(
  readModels: Database.Database,
  initiativeId: string,
  asOf: string | undefined,
  read: () => Answer,
): Answer | undefined => (initiativeRecord(readModels, initiativeId, { asOf, at: today() }) ? read() : undefined);
