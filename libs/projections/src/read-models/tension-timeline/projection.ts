import { type MandatEventOf, type MandatEventType, assertNever, parseStreamName } from "#domain";
import type { RecordedEvent } from "#event-store";
import type { ProjectionDefinition } from "../../runner/projection-definition.js";
import { tensionTimelineTables } from "./tables.js";

const handledTypes = [
  "TensionRaised",
  "TensionIntensityChanged",
  "TensionEscalated",
  "TensionResolved",
  "TensionDropped",
] as const satisfies ReadonlyArray<MandatEventType>;
type HandledEvent = RecordedEvent & MandatEventOf<(typeof handledTypes)[number]>;

export const tensionTimelineProjection: ProjectionDefinition<keyof typeof tensionTimelineTables> = {
  name: "tension-timeline",
  version: 1,
  tables: tensionTimelineTables,
  eventTypes: new Set(handledTypes),
  bind: (db, tables) => {
    const insertTension = db.prepare(
      `INSERT INTO ${tables.tensions} (tension_id, category, description, raised_on, raised_at, raised_position, source)
       VALUES (@tensionId, @category, @description, @raisedOn, @recordedAt, @position, @source)`,
    );
    const insertInitiative = db.prepare(
      `INSERT INTO ${tables.tension_initiatives} (tension_id, initiative_id, recorded_at, position)
       VALUES (@tensionId, @initiativeId, @recordedAt, @position)`,
    );
    const insertIntensity = db.prepare(
      `INSERT INTO ${tables.tension_intensities} (tension_id, intensity, on_date, note, recorded_at, position)
       VALUES (@tensionId, @intensity, @on, @note, @recordedAt, @position)`,
    );
    const insertEscalation = db.prepare(
      `INSERT INTO ${tables.tension_escalations} (tension_id, escalated_to, on_date, note, recorded_at, position)
       VALUES (@tensionId, @to, @on, @note, @recordedAt, @position)`,
    );
    // An escalation recorded late but dated earlier does not displace a later-dated one.
    const markEscalated = db.prepare(
      `UPDATE ${tables.tensions} SET escalated_to = @to, escalated_on = @on
       WHERE tension_id = @tensionId AND (escalated_on IS NULL OR escalated_on <= @on)`,
    );
    const close = db.prepare(
      `UPDATE ${tables.tensions} SET closed_as = @closedAs, closed_on = @on, closed_at = @recordedAt, resolution = @resolution
       WHERE tension_id = @tensionId`,
    );
    return (recorded) => {
      const event = recorded as HandledEvent;
      const tensionId = parseStreamName(event.streamId)!.id;
      const { recordedAt, position } = event;
      switch (event.type) {
        case "TensionRaised": {
          const { data } = event;
          insertTension.run({
            tensionId,
            category: data.category,
            description: data.description,
            raisedOn: data.raisedOn,
            recordedAt,
            position,
            source: data.source ? JSON.stringify(data.source) : null,
          });
          for (const initiativeId of data.initiativeIds) insertInitiative.run({ tensionId, initiativeId, recordedAt, position });
          insertIntensity.run({ tensionId, intensity: data.intensity, on: data.raisedOn, note: null, recordedAt, position });
          return;
        }
        case "TensionIntensityChanged":
          insertIntensity.run({ tensionId, ...event.data, recordedAt, position });
          return;
        case "TensionEscalated":
          insertEscalation.run({ tensionId, ...event.data, recordedAt, position });
          markEscalated.run({ tensionId, to: event.data.to, on: event.data.on });
          return;
        case "TensionResolved":
          close.run({ tensionId, closedAs: "resolved", on: event.data.resolvedOn, recordedAt, resolution: event.data.resolution });
          return;
        case "TensionDropped":
          close.run({ tensionId, closedAs: "dropped", on: event.data.on, recordedAt, resolution: null });
          return;
        default:
          assertNever(event, "tension event");
      }
    };
  },
};
