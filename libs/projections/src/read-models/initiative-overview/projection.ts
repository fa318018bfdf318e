import { assertNever } from "#domain";
import { defineProjection, streamEntityId } from "../../runner/define-projection.js";
import { initiativeOverviewTables } from "./tables.js";

export const initiativeOverviewProjection = defineProjection({
  name: "initiative-overview",
  // 2: leads looked up by person (sign-in asks whom a person leads on every request).
  version: 2,
  tables: initiativeOverviewTables,
  handles: ["InitiativeRegistered", "InitiativeLeadAssigned", "InitiativeLeadUnassigned", "InitiativeClosed"],
  bind: (db, tables) => {
    const register = db.prepare(
      `INSERT INTO ${tables.initiatives} (initiative_id, name, focus_area, description, organisation_ids, registered_at)
       VALUES (@initiativeId, @name, @focusArea, @description, @organisationIds, @registeredAt)`,
    );
    const close = db.prepare(
      `UPDATE ${tables.initiatives} SET closed_on = @closedOn, closed_at = @closedAt, closure_reason = @reason
       WHERE initiative_id = @initiativeId`,
    );
    const assign = db.prepare(
      `INSERT INTO ${tables.initiative_leads} (initiative_id, person_id, role, assigned_at, assigned_position)
       VALUES (@initiativeId, @personId, @role, @assignedAt, @assignedPosition)`,
    );
    // The open row of a person ends both on unassignment and when a new role replaces it.
    const unassign = db.prepare(
      `UPDATE ${tables.initiative_leads} SET unassigned_at = @unassignedAt, unassigned_reason = @reason
       WHERE initiative_id = @initiativeId AND person_id = @personId AND unassigned_at IS NULL`,
    );

    return (event) => {
      const initiativeId = streamEntityId(event, "initiative");
      switch (event.type) {
        case "InitiativeRegistered": {
          const { name, focusArea, description, organisationIds } = event.data;
          register.run({
            initiativeId,
            name,
            focusArea,
            description,
            organisationIds: JSON.stringify(organisationIds),
            registeredAt: event.recordedAt,
          });
          return;
        }
        case "InitiativeLeadAssigned": {
          const { personId, role } = event.data;
          unassign.run({ initiativeId, personId, unassignedAt: event.recordedAt, reason: null });
          assign.run({ initiativeId, personId, role, assignedAt: event.recordedAt, assignedPosition: event.position });
          return;
        }
        case "InitiativeLeadUnassigned": {
          const { personId, reason } = event.data;
          unassign.run({ initiativeId, personId, unassignedAt: event.recordedAt, reason });
          return;
        }
        case "InitiativeClosed":
          close.run({ initiativeId, closedOn: event.data.on, closedAt: event.recordedAt, reason: event.data.reason });
          return;
        default:
          assertNever(event, "initiative-overview event");
      }
    };
  },
});
