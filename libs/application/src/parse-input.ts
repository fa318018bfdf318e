import { Effect } from "effect";
import type { z } from "zod";
import { type InputIssue, InvalidInput } from "./errors.js";

/**
 * Zod's issues as callers need them: one per offending field, an unknown field named by
 * its own path rather than its parent's.
 */
export const inputIssues = (error: z.ZodError): InputIssue[] =>
  error.issues.flatMap((issue) =>
    issue.code === "unrecognized_keys"
      ? issue.keys.map((key) => ({ path: [...issue.path, key], message: "unknown field" }))
      : [{ path: issue.path, message: issue.message }],
  );

/** The input as its schema reads it, or every issue with it. */
export const parseInput = <Schema extends z.ZodType>(
  schema: Schema,
  input: unknown,
): Effect.Effect<z.output<Schema>, InvalidInput> => {
  const parsed = schema.safeParse(input);
  return parsed.success ? Effect.succeed(parsed.data) : Effect.fail(new InvalidInput({ issues: inputIssues(parsed.error) }));
};
