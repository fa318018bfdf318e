import { assertNever } from "#domain";
import { type RecordedMandatEvent, defineProjection, streamEntityId } from "../../runner/define-projection.js";
import { insertSql } from "../../runner/insert-sql.js";
import { LastWritten } from "../../runner/last-written.js";
import { goalHistoryTables } from "./tables.js";
import type { GoalVersionRow } from "./version-row.js";

export const goalHistoryProjection = defineProjection({
  name: "goal-history",
  version: 1,
  tables: goalHistoryTables,
  handles: ["GoalSet", "GoalRevised", "GoalAchieved", "GoalDropped"],
  bind: (db, tables) => {
    const insert = db.prepare(
      insertSql(tables.goal_versions, [
        "initiative_id",
        "goal_id",
        "version",
        "change",
        "status",
        "statement",
        "indicator",
        "target_date",
        "achieved_on",
        "evidence",
        "reason",
        "recorded_at",
        "position",
      ]),
    );
    const latest = db.prepare<[string], GoalVersionRow>(
      `SELECT * FROM ${tables.goal_versions} WHERE goal_id = ? ORDER BY version DESC LIMIT 1`,
    );
    const written = new LastWritten<GoalVersionRow>((goalId) => latest.get(goalId));
    const write = (row: GoalVersionRow) => {
      written.remember(row.goal_id, row);
      insert.run(
        row.initiative_id,
        row.goal_id,
        row.version,
        row.change,
        row.status,
        row.statement,
        row.indicator,
        row.target_date,
        row.achieved_on,
        row.evidence,
        row.reason,
        row.recorded_at,
        row.position,
      );
    };
    /** The next version carries the goal's wording and dates forward; what belongs to one change starts empty. */
    const successor = (event: RecordedMandatEvent<"GoalRevised" | "GoalAchieved" | "GoalDropped">): GoalVersionRow => {
      const previous = written.get(event.data.goalId);
      if (!previous) throw new Error(`${event.type} of goal ${event.data.goalId}, which was never set`);
      return {
        ...previous,
        version: previous.version + 1,
        achieved_on: null,
        evidence: null,
        reason: null,
        recorded_at: event.recordedAt,
        position: event.position,
      };
    };

    return (event) => {
      switch (event.type) {
        case "GoalSet": {
          const { goalId, statement, indicator, targetDate } = event.data;
          write({
            initiative_id: streamEntityId(event, "initiative"),
            goal_id: goalId,
            version: 1,
            change: "set",
            status: "active",
            statement,
            indicator: indicator ?? null,
            target_date: targetDate ?? null,
            achieved_on: null,
            evidence: null,
            reason: null,
            recorded_at: event.recordedAt,
            position: event.position,
          });
          return;
        }
        case "GoalRevised": {
          // A revision restates the goal as a whole: an indicator or target date it leaves out is gone.
          const { statement, indicator, targetDate, reason } = event.data;
          write({
            ...successor(event),
            change: "revised",
            status: "active",
            statement,
            indicator: indicator ?? null,
            target_date: targetDate ?? null,
            reason,
          });
          return;
        }
        case "GoalAchieved":
          write({
            ...successor(event),
            change: "achieved",
            status: "achieved",
            achieved_on: event.data.on,
            evidence: event.data.evidence,
          });
          return;
        case "GoalDropped":
          write({ ...successor(event), change: "dropped", status: "dropped", reason: event.data.reason });
          return;
        default:
          assertNever(event, "goal-history event");
      }
    };
  },
});
