import { ClauseId, MandatePosition } from "#domain";
import { z } from "zod";

/** One clause of a mandate's terms with the signals citing it, by where they stand (docs/api.md "Clauses"). */
export const ClauseView = z.object({
  id: ClauseId,
  text: z.string(),
  signals: z
    .record(MandatePosition, z.number().int().nonnegative())
    .describe("The signals citing this clause, not withdrawn, by mandatePosition"),
});

/** The terms' clauses in views of a mandate: scope, then boundaries, then principles. */
export const clauseViews = (signalsCounted: string) =>
  z.array(ClauseView).describe(`Every clause of these terms, scope then boundaries then principles; signals: ${signalsCounted}`);
