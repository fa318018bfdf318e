import { assertNever } from "#domain";
import { defineProjection, streamEntityId } from "../../runner/define-projection.js";
import { insertSql } from "../../runner/insert-sql.js";
import { initiativeOverviewTables } from "./tables.js";

export const initiativeOverviewProjection = defineProjection({
  name: "initiative-overview",
  // 2: leads looked up by person (sign-in asks whom a person leads on every request).
  version: 2,
  tables: initiativeOverviewTables,
  handles: ["InitiativeRegistered", "InitiativeLeadAssigned", "InitiativeLeadUnassigned", "InitiativeClosed"],
  bind: (db, tables) => {
    const register = db.prepare(
      insertSql(tables.initiatives, ["initiative_id", "name", "focus_area", "description", "organisation_ids", "registered_at"]),
    );
    const close = db.prepare(
      `UPDATE ${tables.initiatives} SET closed_on = ?, closed_at = ?, closure_reason = ? WHERE initiative_id = ?`,
    );
    const assign = db.prepare(
      insertSql(tables.initiative_leads, ["initiative_id", "person_id", "role", "assigned_at", "assigned_position"]),
    );
    // The open row of a person ends both on unassignment and when a new role replaces it.
    const unassign = db.prepare(
      `UPDATE ${tables.initiative_leads} SET unassigned_at = ?, unassigned_reason = ?
       WHERE initiative_id = ? AND person_id = ? AND unassigned_at IS NULL`,
    );

    return (event) => {
      const initiativeId = streamEntityId(event, "initiative");
      switch (event.type) {
        case "InitiativeRegistered": {
          const { name, focusArea, description, organisationIds } = event.data;
          register.run(initiativeId, name, focusArea, description, JSON.stringify(organisationIds), event.recordedAt);
          return;
        }
        case "InitiativeLeadAssigned": {
          const { personId, role } = event.data;
          unassign.run(event.recordedAt, null, initiativeId, personId);
          assign.run(initiativeId, personId, role, event.recordedAt, event.position);
          return;
        }
        case "InitiativeLeadUnassigned": {
          const { personId, reason } = event.data;
          unassign.run(event.recordedAt, reason, initiativeId, personId);
          return;
        }
        case "InitiativeClosed":
          close.run(event.data.on, event.recordedAt, event.data.reason, initiativeId);
          return;
        default:
          assertNever(event, "initiative-overview event");
      }
    };
  },
});
