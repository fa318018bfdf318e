import { type BudgetLine, assertNever } from "#domain";
import { defineProjection } from "../../runner/define-projection.js";
import { parseBudgetStream } from "./budget-stream.js";
import { budgetTables } from "./tables.js";

export const budgetsProjection = defineProjection({
  name: "budgets",
  // 2: amended lines end (ended_at) instead of being deleted; the status follows approved_at.
  // 3: external funding has an id, a status on valid time and a budget line (budget_external_funding_changes).
  // 4: contributions in kind (budget_contributions). 5: reflections cite goals and readings.
  version: 5,
  tables: budgetTables,
  handles: [
    "BudgetProposed",
    "BudgetApproved",
    "BudgetAmended",
    "ExternalFundingRecorded",
    "ExternalFundingStatusChanged",
    "ExternalFundingLinked",
    "ContributionInKindRecorded",
    "ValueReflectionRecorded",
  ],
  bind: (db, tables) => {
    const insertBudget = db.prepare(
      `INSERT INTO ${tables.budgets} (focus_area, year, decision, proposed_total_sek, proposed_at, approved_at)
       VALUES (@focusArea, @year, NULL, @proposedTotalSek, @recordedAt, NULL)`,
    );
    const approveBudget = db.prepare(
      `UPDATE ${tables.budgets} SET decision = @decision, approved_at = @recordedAt WHERE focus_area = @focusArea AND year = @year`,
    );
    const endLines = db.prepare(
      `UPDATE ${tables.budget_lines} SET ended_at = @recordedAt WHERE focus_area = @focusArea AND year = @year AND ended_at IS NULL`,
    );
    const insertLine = db.prepare(
      `INSERT INTO ${tables.budget_lines}
         (position, ordinal, focus_area, year, line_id, purpose, initiative_id, amount_sek, recorded_at, ended_at)
       VALUES (@position, @ordinal, @focusArea, @year, @lineId, @purpose, @initiativeId, @amountSek, @recordedAt, NULL)`,
    );
    const insertAmendment = db.prepare(
      `INSERT INTO ${tables.budget_amendments} (position, focus_area, year, reason, decision, recorded_at)
       VALUES (@position, @focusArea, @year, @reason, @decision, @recordedAt)`,
    );
    const insertFunding = db.prepare(
      `INSERT INTO ${tables.budget_external_funding}
         (position, focus_area, year, source, amount_sek, initiative_id, on_date, recorded_at, funding_id, status, line_id)
       VALUES (@position, @focusArea, @year, @source, @amountSek, @initiativeId, @on, @recordedAt, @fundingId, @status, @lineId)`,
    );
    const insertFundingChange = db.prepare(
      `INSERT INTO ${tables.budget_external_funding_changes} (position, funding_id, status, amount_sek, on_date, line_id, recorded_at)
       VALUES (@position, @fundingId, @status, @amountSek, @on, @lineId, @recordedAt)`,
    );
    const insertContribution = db.prepare(
      `INSERT INTO ${tables.budget_contributions}
         (position, focus_area, year, contribution_id, organisation_id, initiative_id, period_from, period_to, hours, value_sek, note, recorded_at)
       VALUES (@position, @focusArea, @year, @contributionId, @organisationId, @initiativeId, @periodFrom, @periodTo, @hours, @valueSek, @note, @recordedAt)`,
    );
    const insertReflection = db.prepare(
      `INSERT INTO ${tables.budget_reflections}
         (position, focus_area, year, initiative_id, reflection, value_rating, on_date, recorded_at, goal_ids, reading_ids)
       VALUES (@position, @focusArea, @year, @initiativeId, @reflection, @valueRating, @on, @recordedAt, @goalIds, @readingIds)`,
    );

    /** The lines in force until now end when `setBy` records new ones; they keep their rows. */
    const setLines = (
      budget: { focusArea: string; year: number },
      lines: ReadonlyArray<BudgetLine>,
      setBy: { position: number; recordedAt: string },
    ) => {
      endLines.run({ ...budget, recordedAt: setBy.recordedAt });
      lines.forEach(({ lineId, purpose, initiativeId, amountSek }, ordinal) =>
        insertLine.run({ ...budget, ...setBy, ordinal, lineId, purpose, initiativeId: initiativeId ?? null, amountSek }),
      );
    };

    return (event) => {
      const { position, recordedAt } = event;
      const budget = parseBudgetStream(event.streamId);
      switch (event.type) {
        case "BudgetProposed": {
          const { lines } = event.data;
          const proposedTotalSek = lines.reduce((sum, line) => sum + line.amountSek, 0);
          insertBudget.run({ ...budget, proposedTotalSek, recordedAt });
          setLines(budget, lines, { position, recordedAt });
          return;
        }
        case "BudgetApproved":
          approveBudget.run({ ...budget, decision: JSON.stringify(event.data.decision), recordedAt });
          return;
        case "BudgetAmended": {
          const { lines, reason, decision } = event.data;
          setLines(budget, lines, { position, recordedAt });
          insertAmendment.run({ position, ...budget, reason, decision: JSON.stringify(decision), recordedAt });
          return;
        }
        case "ExternalFundingRecorded": {
          const { source, amountSek, initiativeId, on, fundingId, status, lineId } = event.data;
          insertFunding.run({
            position,
            ...budget,
            source,
            amountSek,
            initiativeId: initiativeId ?? null,
            on,
            recordedAt,
            fundingId: fundingId ?? null,
            // Recorded before statuses existed: money received.
            status: status ?? "granted",
            lineId: lineId ?? null,
          });
          return;
        }
        case "ExternalFundingStatusChanged": {
          const { fundingId, status, amountSek, on } = event.data;
          insertFundingChange.run({ position, fundingId, status, amountSek: amountSek ?? null, on, lineId: null, recordedAt });
          return;
        }
        case "ExternalFundingLinked": {
          const { fundingId, lineId } = event.data;
          insertFundingChange.run({ position, fundingId, status: null, amountSek: null, on: null, lineId, recordedAt });
          return;
        }
        case "ContributionInKindRecorded": {
          const { initiativeId, note, ...contribution } = event.data;
          insertContribution.run({
            position,
            ...budget,
            ...contribution,
            initiativeId: initiativeId ?? null,
            note: note ?? null,
            recordedAt,
          });
          return;
        }
        case "ValueReflectionRecorded": {
          const { initiativeId, reflection, valueRating, on, goalIds = [], readingIds = [] } = event.data;
          const about = initiativeId ?? null;
          const cites = { goalIds: JSON.stringify(goalIds), readingIds: JSON.stringify(readingIds) };
          insertReflection.run({ position, ...budget, initiativeId: about, reflection, valueRating, on, recordedAt, ...cites });
          return;
        }
        default:
          assertNever(event, "budget event");
      }
    };
  },
});
