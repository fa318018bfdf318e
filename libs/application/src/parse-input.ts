import { ownSwedish } from "#domain";
import { plainMessage } from "./plain-messages.js";
import { Effect } from "effect";
import { z } from "zod";
import { type InputIssue, InvalidInput } from "./errors.js";

/** Plain Swedish for what people meet most (plain-messages.ts), zod's Swedish for the rest; per parse, the global configuration stays English. */
const ZOD_SWEDISH = z.locales.sv().localeError;
const SWEDISH: z.core.$ZodErrorMap = (issue) => plainMessage(issue, "sv") ?? ZOD_SWEDISH(issue);
/** Plain English for the same; undefined hands the rest to zod's English. */
const ENGLISH: z.core.$ZodErrorMap = (issue) => plainMessage(issue, "en");

/** A parse whose messages are the plain English ones: what every input's first parse is. */
export const parsePlainly = <Schema extends z.ZodType>(schema: Schema, input: unknown) => {
  const parsed = schema.safeParse(input);
  // Parsed again for its messages only when it failed: an error map given to a parse takes
  // zod off its fast path, about a microsecond of every command (issue 16's bench).
  return parsed.success ? parsed : schema.safeParse(input, { error: ENGLISH });
};

/**
 * The same parse's issues in Swedish: the input failed `schema` once, so it is parsed again
 * with the Swedish locale as the error map of this parse alone. The issues come in the same
 * order; messages a schema writes itself (a refinement's) take precedence, and stay English.
 */
export const swedishIssues = (schema: z.ZodType, input: unknown): z.ZodError | undefined =>
  schema.safeParse(input, { error: SWEDISH }).error;

/**
 * Zod's issues as callers need them: one per offending field, an unknown field named by
 * its own path rather than its parent's; with `swedish` (swedishIssues), each message in
 * Swedish too, a refinement's from its own params.
 */
export const inputIssues = (error: z.ZodError, swedish?: z.ZodError): InputIssue[] =>
  error.issues.flatMap((issue, index) => {
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => ({ path: [...issue.path, key], message: "unknown field", sv: "okänt fält" }));
    }
    const sv = ownSwedish(issue) ?? swedish?.issues[index]?.message;
    return [{ path: issue.path, message: issue.message, ...(sv === undefined ? {} : { sv }) }];
  });

/** The input as its schema reads it, or every issue with it. */
export const parseInput = <Schema extends z.ZodType>(
  schema: Schema,
  input: unknown,
): Effect.Effect<z.output<Schema>, InvalidInput> => {
  const parsed = parsePlainly(schema, input);
  return parsed.success
    ? Effect.succeed(parsed.data)
    : Effect.fail(new InvalidInput({ issues: inputIssues(parsed.error, swedishIssues(schema, input)) }));
};
