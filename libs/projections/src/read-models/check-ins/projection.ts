import { assertNever } from "#domain";
import { defineProjection, streamEntityId } from "../../runner/define-projection.js";
import { checkInTables } from "./tables.js";

export const checkInsProjection = defineProjection({
  name: "check-ins",
  version: 1,
  tables: checkInTables,
  handles: ["CheckInHeld", "CheckInCadenceAgreed"],
  bind: (db, tables) => {
    const insertCheckIn = db.prepare(
      `INSERT INTO ${tables.check_ins} (check_in_id, initiative_id, held_on, participants, mandate_clarity, confidence,
         leadership_needed, notes, next_check_in_on, recorded_at, position)
       VALUES (@checkInId, @initiativeId, @heldOn, @participants, @mandateClarity, @confidence,
         @leadershipNeeded, @notes, @nextCheckInOn, @recordedAt, @position)`,
    );
    const insertCadence = db.prepare(
      `INSERT INTO ${tables.check_in_cadences} (initiative_id, every_days, recorded_at, position)
       VALUES (@initiativeId, @everyDays, @recordedAt, @position)`,
    );
    return (event) => {
      const initiativeId = streamEntityId(event, "initiative");
      const { recordedAt, position } = event;
      switch (event.type) {
        case "CheckInHeld": {
          const { data } = event;
          insertCheckIn.run({
            checkInId: data.checkInId,
            initiativeId,
            heldOn: data.heldOn,
            participants: JSON.stringify(data.participants),
            mandateClarity: data.mandateClarity,
            confidence: data.confidence,
            leadershipNeeded: data.leadershipNeeded,
            notes: data.notes,
            nextCheckInOn: data.nextCheckInOn ?? null,
            recordedAt,
            position,
          });
          return;
        }
        case "CheckInCadenceAgreed":
          insertCadence.run({ initiativeId, everyDays: event.data.everyDays, recordedAt, position });
          return;
        default:
          assertNever(event, "check-in event");
      }
    };
  },
});
