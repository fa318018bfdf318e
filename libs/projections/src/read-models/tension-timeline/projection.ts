import { assertNever } from "#domain";
import { defineProjection, streamEntityId } from "../../runner/define-projection.js";
import { insertSql } from "../../runner/insert-sql.js";
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
      insertSql(tables.tensions, [
        "tension_id",
        "category",
        "description",
        "raised_on",
        "raised_at",
        "raised_position",
        "source",
      ]),
    );
    const insertInitiative = db.prepare(insertSql(tables.tension_initiatives, ["tension_id", "initiative_id", "ordinal"]));
    const insertIntensity = db.prepare(
      insertSql(tables.tension_intensities, ["tension_id", "intensity", "on_date", "note", "recorded_at", "position"]),
    );
    const insertEscalation = db.prepare(
      insertSql(tables.tension_escalations, [
        "tension_id",
        "escalated_to",
        "on_date",
        "note",
        "context_organisation_id",
        "context_id",
        "recorded_at",
        "position",
      ]),
    );
    const close = db.prepare(
      `UPDATE ${tables.tensions} SET closed_as = ?, closed_on = ?, closed_at = ?, resolution = ? WHERE tension_id = ?`,
    );
    return (event) => {
      const tensionId = streamEntityId(event, "tension");
      const { recordedAt, position } = event;
      switch (event.type) {
        case "TensionRaised": {
          const { data } = event;
          const source = data.source ? JSON.stringify(data.source) : null;
          insertTension.run(tensionId, data.category, data.description, data.raisedOn, recordedAt, position, source);
          for (const [ordinal, initiativeId] of data.initiativeIds.entries())
            insertInitiative.run(tensionId, initiativeId, ordinal);
          insertIntensity.run(tensionId, data.intensity, data.raisedOn, null, recordedAt, position);
          return;
        }
        case "TensionIntensityChanged": {
          const { intensity, on, note } = event.data;
          insertIntensity.run(tensionId, intensity, on, note, recordedAt, position);
          return;
        }
        case "TensionEscalated": {
          const { to, on, note, governingContext } = event.data;
          const organisationId = governingContext?.organisationId ?? null;
          insertEscalation.run(
            tensionId,
            to,
            on,
            note,
            organisationId,
            governingContext?.contextId ?? null,
            recordedAt,
            position,
          );
          return;
        }
        case "TensionResolved":
          close.run("resolved", event.data.resolvedOn, recordedAt, event.data.resolution, tensionId);
          return;
        case "TensionDropped":
          close.run("dropped", event.data.on, recordedAt, null, tensionId);
          return;
        default:
          assertNever(event, "tension event");
      }
    };
  },
});
