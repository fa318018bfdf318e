import { parseStreamName } from "#domain";
import { defineProjection } from "../../runner/define-projection.js";
import { indicatorReadingTables } from "./tables.js";

export const indicatorReadingsProjection = defineProjection({
  name: "indicator-readings",
  version: 1,
  tables: indicatorReadingTables,
  handles: ["IndicatorReadingRecorded"],
  bind: (db, tables) => {
    const insertReading = db.prepare(
      `INSERT INTO ${tables.indicator_readings} (position, initiative_id, goal_id, reading_id, value, unit, on_date, note, recorded_at)
       VALUES (@position, @initiativeId, @goalId, @readingId, @value, @unit, @on, @note, @recordedAt)`,
    );
    return (event) => {
      const initiativeId = parseStreamName(event.streamId)?.id;
      if (initiativeId === undefined) throw new Error(`${event.streamId} is not an initiative stream`);
      const { note, ...reading } = event.data;
      insertReading.run({ position: event.position, initiativeId, ...reading, note: note ?? null, recordedAt: event.recordedAt });
    };
  },
});
