import { type MandatEventOf, type MandatEventType, assertNever, parseStreamName } from "#domain";
import type { RecordedEvent } from "#event-store";
import type { ProjectionDefinition } from "../../runner/projection-definition.js";
import { checkInTables } from "./tables.js";

const handledTypes = ["CheckInHeld", "CheckInCadenceAgreed"] as const satisfies ReadonlyArray<MandatEventType>;
type HandledEvent = RecordedEvent & MandatEventOf<(typeof handledTypes)[number]>;

export const checkInsProjection: ProjectionDefinition<keyof typeof checkInTables> = {
  name: "check-ins",
  version: 1,
  tables: checkInTables,
  eventTypes: new Set(handledTypes),
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
    return (recorded) => {
      const event = recorded as HandledEvent;
      const initiativeId = parseStreamName(event.streamId)!.id;
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
};
