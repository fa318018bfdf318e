import { assertNever } from "#domain";
import { defineProjection, streamEntityId } from "../../runner/define-projection.js";
import { tensionTimelineTables } from "./tables.js";

export const tensionTimelineProjection = defineProjection({
  name: "tension-timeline",
  // 2: the escalation kept only in tension_escalations; tension_initiatives without copies of the raise.
  // 3: an escalation's governing context; the order of a raise's initiatives.
  version: 3,
  tables: tensionTimelineTables,
  handles: ["TensionRaised", "TensionIntensityChanged", "TensionEscalated", "TensionResolved", "TensionDropped"],
  bind: (db, tables) => {
    const insertTension = db.prepare(
      `INSERT INTO ${tables.tensions} (tension_id, category, description, raised_on, raised_at, raised_position, source)
       VALUES (@tensionId, @category, @description, @raisedOn, @recordedAt, @position, @source)`,
    );
    const insertInitiative = db.prepare(
      `INSERT INTO ${tables.tension_initiatives} (tension_id, initiative_id, ordinal) VALUES (@tensionId, @initiativeId, @ordinal)`,
    );
    const insertIntensity = db.prepare(
      `INSERT INTO ${tables.tension_intensities} (tension_id, intensity, on_date, note, recorded_at, position)
       VALUES (@tensionId, @intensity, @on, @note, @recordedAt, @position)`,
    );
    const insertEscalation = db.prepare(
      `INSERT INTO ${tables.tension_escalations} (tension_id, escalated_to, on_date, note, context_organisation_id, context_id,
         recorded_at, position)
       VALUES (@tensionId, @to, @on, @note, @organisationId, @contextId, @recordedAt, @position)`,
    );
    const close = db.prepare(
      `UPDATE ${tables.tensions} SET closed_as = @closedAs, closed_on = @on, closed_at = @recordedAt, resolution = @resolution
       WHERE tension_id = @tensionId`,
    );
    return (event) => {
      const tensionId = streamEntityId(event, "tension");
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
          for (const [ordinal, initiativeId] of data.initiativeIds.entries())
            insertInitiative.run({ tensionId, initiativeId, ordinal });
          insertIntensity.run({ tensionId, intensity: data.intensity, on: data.raisedOn, note: null, recordedAt, position });
          return;
        }
        case "TensionIntensityChanged":
          insertIntensity.run({ tensionId, ...event.data, recordedAt, position });
          return;
        case "TensionEscalated": {
          const { governingContext, ...data } = event.data;
          insertEscalation.run({
            tensionId,
            ...data,
            organisationId: governingContext?.organisationId ?? null,
            contextId: governingContext?.contextId ?? null,
            recordedAt,
            position,
          });
          return;
        }
        case "TensionResolved":
          close.run({
            tensionId,
            closedAs: "resolved",
            on: event.data.resolvedOn,
            recordedAt,
            resolution: event.data.resolution,
          });
          return;
        case "TensionDropped":
          close.run({ tensionId, closedAs: "dropped", on: event.data.on, recordedAt, resolution: null });
          return;
        default:
          assertNever(event, "tension event");
      }
    };
  },
});
