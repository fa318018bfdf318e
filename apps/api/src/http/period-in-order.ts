import { bilingual } from "#domain";
import type { z } from "zod";

/**
 * A query's `from` and `to` in order: a period that ends before it starts is a mistake to
 * name (400 `query.to`), not a question whose answer is empty. Checked once both parse, so
 * that a malformed date is reported as such. Dates and instants alike compare as written
 * (`YYYY-MM-DD`, ISO instants in UTC).
 */
export const periodInOrder = <Query extends z.ZodObject>(query: Query): Query =>
  query.superRefine(
    (value, context) => {
      const { from, to } = value as { from?: string; to?: string };
      if (from !== undefined && to !== undefined && to < from) {
        context.addIssue({
          code: "custom",
          path: ["to"],
          ...bilingual("to must not be before from", "to får inte vara före from"),
        });
      }
    },
    { when: (payload) => payload.issues.length === 0 },
  );
