import { parseStreamName } from "#domain";
import { defineProjection } from "../../runner/define-projection.js";
import { insertSql } from "../../runner/insert-sql.js";
import { indicatorReadingTables } from "./tables.js";

export const indicatorReadingsProjection = defineProjection({
  name: "indicator-readings",
  version: 1,
  tables: indicatorReadingTables,
  handles: ["IndicatorReadingRecorded"],
  bind: (db, tables) => {
    const insertReading = db.prepare(
      insertSql(tables.indicator_readings, [
        "position",
        "initiative_id",
        "goal_id",
        "reading_id",
        "value",
        "unit",
        "on_date",
        "note",
        "recorded_at",
      ]),
    );
    return (event) => {
      const initiativeId = parseStreamName(event.streamId)?.id;
      if (initiativeId === undefined) throw new Error(`${event.streamId} is not an initiative stream`);
      const { goalId, readingId, value, unit, on, note } = event.data;
      insertReading.run(event.position, initiativeId, goalId, readingId, value, unit, on, note ?? null, event.recordedAt);
    };
  },
});
