import { BudgetLine, BudgetYear, FocusArea, TEXT_LIMITS, budgetEvents as events } from "#domain";
import { z } from "zod";

/**
 * A budget is named by its focus area and year; the year may come as text (a path
 * segment), and then it is exactly four digits: `0x7E9`, ` 2025` or `2025.0` would name
 * the 2025 budget too if any text that converts to the number were taken.
 */
const onBudget = {
  focusArea: FocusArea,
  year: z
    .union(
      [
        z.number(),
        z
          .string()
          .regex(/^\d{4}$/)
          .transform(Number),
      ],
      { error: "a year: four digits, such as 2025" },
    )
    .pipe(BudgetYear)
    .describe("The budget year, an integer from 2000 to 2100"),
};
/** The pipeline gives every line its lineId. */
const BudgetLinesInput = z
  .array(BudgetLine.omit({ lineId: true }))
  .min(1)
  .max(TEXT_LIMITS.list);

export const ProposeBudgetInput = z.strictObject({ ...onBudget, lines: BudgetLinesInput });
export const ApproveBudgetInput = events.BudgetApproved.schema.extend(onBudget);
export const AmendBudgetInput = events.BudgetAmended.schema.extend({ ...onBudget, lines: BudgetLinesInput });
/** The server mints `fundingId`; a funding recorded without a status is money received (granted), as before statuses. */
export const RecordExternalFundingInput = events.ExternalFundingRecorded.schema.omit({ fundingId: true }).extend(onBudget);
export const ChangeExternalFundingStatusInput = events.ExternalFundingStatusChanged.schema.extend(onBudget);
export const LinkExternalFundingInput = events.ExternalFundingLinked.schema.extend(onBudget);
/** The server mints `contributionId`. */
export const RecordContributionInKindInput = events.ContributionInKindRecorded.schema
  .omit({ contributionId: true })
  .extend(onBudget);
export const RecordValueReflectionInput = events.ValueReflectionRecorded.schema.extend(onBudget);
