import { assertNever } from "#domain";
import { defineProjection, streamEntityId } from "../../runner/define-projection.js";
import { insertSql } from "../../runner/insert-sql.js";
import { checkInTables } from "./tables.js";

export const checkInsProjection = defineProjection({
  name: "check-ins",
  version: 1,
  tables: checkInTables,
  handles: ["CheckInHeld", "CheckInCadenceAgreed"],
  bind: (db, tables) => {
    const insertCheckIn = db.prepare(
      insertSql(tables.check_ins, [
        "check_in_id",
        "initiative_id",
        "held_on",
        "participants",
        "mandate_clarity",
        "confidence",
        "leadership_needed",
        "notes",
        "next_check_in_on",
        "recorded_at",
        "position",
      ]),
    );
    const insertCadence = db.prepare(
      insertSql(tables.check_in_cadences, ["initiative_id", "every_days", "recorded_at", "position"]),
    );
    return (event) => {
      const initiativeId = streamEntityId(event, "initiative");
      const { recordedAt, position } = event;
      switch (event.type) {
        case "CheckInHeld": {
          const { data } = event;
          insertCheckIn.run(
            data.checkInId,
            initiativeId,
            data.heldOn,
            JSON.stringify(data.participants),
            data.mandateClarity,
            data.confidence,
            data.leadershipNeeded,
            data.notes,
            data.nextCheckInOn ?? null,
            recordedAt,
            position,
          );
          return;
        }
        case "CheckInCadenceAgreed":
          insertCadence.run(initiativeId, event.data.everyDays, recordedAt, position);
          return;
        default:
          assertNever(event, "check-in event");
      }
    };
  },
});
