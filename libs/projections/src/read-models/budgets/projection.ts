import { type BudgetLine, type MandatEventOf, assertNever } from "#domain";
import type { RecordedEvent } from "#event-store";
import type { ProjectionDefinition } from "../../runner/projection-definition.js";
import { parseBudgetStream } from "./budget-stream.js";
import { budgetTables } from "./tables.js";

const handled = [
  "BudgetProposed",
  "BudgetApproved",
  "BudgetAmended",
  "ExternalFundingRecorded",
  "ValueReflectionRecorded",
] as const;

type Handled = RecordedEvent & MandatEventOf<(typeof handled)[number]>;

export const budgetsProjection: ProjectionDefinition<keyof typeof budgetTables> = {
  name: "budgets",
  version: 1,
  tables: budgetTables,
  eventTypes: new Set(handled),
  bind: (db, tables) => {
    const insertBudget = db.prepare(
      `INSERT INTO ${tables.budgets} (focus_area, year, status, decision, proposed_total_sek, proposed_at, approved_at)
       VALUES (@focusArea, @year, 'proposed', NULL, @proposedTotalSek, @recordedAt, NULL)`,
    );
    const approveBudget = db.prepare(
      `UPDATE ${tables.budgets} SET status = 'approved', decision = @decision, approved_at = @recordedAt
       WHERE focus_area = @focusArea AND year = @year`,
    );
    const deleteLines = db.prepare(`DELETE FROM ${tables.budget_lines} WHERE focus_area = @focusArea AND year = @year`);
    const insertLine = db.prepare(
      `INSERT INTO ${tables.budget_lines} (focus_area, year, line_id, purpose, initiative_id, amount_sek, ordinal)
       VALUES (@focusArea, @year, @lineId, @purpose, @initiativeId, @amountSek, @ordinal)`,
    );
    const insertAmendment = db.prepare(
      `INSERT INTO ${tables.budget_amendments} (position, focus_area, year, reason, decision, recorded_at)
       VALUES (@position, @focusArea, @year, @reason, @decision, @recordedAt)`,
    );
    const insertFunding = db.prepare(
      `INSERT INTO ${tables.budget_external_funding} (position, focus_area, year, source, amount_sek, initiative_id, on_date, recorded_at)
       VALUES (@position, @focusArea, @year, @source, @amountSek, @initiativeId, @on, @recordedAt)`,
    );
    const insertReflection = db.prepare(
      `INSERT INTO ${tables.budget_reflections} (position, focus_area, year, initiative_id, reflection, value_rating, on_date, recorded_at)
       VALUES (@position, @focusArea, @year, @initiativeId, @reflection, @valueRating, @on, @recordedAt)`,
    );

    const replaceLines = (budget: { focusArea: string; year: number }, lines: ReadonlyArray<BudgetLine>) => {
      deleteLines.run(budget);
      lines.forEach(({ lineId, purpose, initiativeId, amountSek }, ordinal) =>
        insertLine.run({ ...budget, lineId, purpose, initiativeId: initiativeId ?? null, amountSek, ordinal }),
      );
    };

    return (recorded) => {
      const event = recorded as Handled;
      const { position, recordedAt } = event;
      const budget = parseBudgetStream(event.streamId);
      switch (event.type) {
        case "BudgetProposed": {
          const { lines } = event.data;
          const proposedTotalSek = lines.reduce((sum, line) => sum + line.amountSek, 0);
          insertBudget.run({ ...budget, proposedTotalSek, recordedAt });
          replaceLines(budget, lines);
          return;
        }
        case "BudgetApproved":
          approveBudget.run({ ...budget, decision: JSON.stringify(event.data.decision), recordedAt });
          return;
        case "BudgetAmended": {
          const { lines, reason, decision } = event.data;
          replaceLines(budget, lines);
          insertAmendment.run({ position, ...budget, reason, decision: JSON.stringify(decision), recordedAt });
          return;
        }
        case "ExternalFundingRecorded": {
          const { source, amountSek, initiativeId, on } = event.data;
          insertFunding.run({ position, ...budget, source, amountSek, initiativeId: initiativeId ?? null, on, recordedAt });
          return;
        }
        case "ValueReflectionRecorded": {
          const { initiativeId, reflection, valueRating, on } = event.data;
          const about = initiativeId ?? null;
          insertReflection.run({ position, ...budget, initiativeId: about, reflection, valueRating, on, recordedAt });
          return;
        }
        default:
          assertNever(event, "budget event");
      }
    };
  },
};
