import { assertNever } from "#domain";
import { defineProjection, streamEntityId } from "../../runner/define-projection.js";
import { governingContextTables } from "./tables.js";

export const governingContextsProjection = defineProjection({
  name: "governing-contexts",
  version: 1,
  tables: governingContextTables,
  handles: [
    "OrganisationRegistered",
    "GoverningContextMapped",
    "GoverningContextRetired",
    "GoverningContextLinked",
    "GoverningContextUnlinked",
  ],
  bind: (db, tables) => {
    const insertOrganisation = db.prepare(
      `INSERT INTO ${tables.organisations} (organisation_id, name, kind, recorded_at)
       VALUES (@organisationId, @name, @kind, @recordedAt)`,
    );
    const insertContext = db.prepare(
      `INSERT INTO ${tables.governing_contexts}
         (context_id, organisation_id, name, kind, description, mapped_at, retired_at, retirement_reason)
       VALUES (@contextId, @organisationId, @name, @kind, @description, @recordedAt, NULL, NULL)`,
    );
    const retireContext = db.prepare(
      `UPDATE ${tables.governing_contexts} SET retired_at = @recordedAt, retirement_reason = @reason
       WHERE context_id = @contextId AND organisation_id = @organisationId`,
    );
    const endLink = db.prepare(
      `UPDATE ${tables.context_links} SET unlinked_at = @recordedAt, unlink_reason = @reason
       WHERE initiative_id = @initiativeId AND organisation_id = @organisationId AND context_id = @contextId
         AND unlinked_at IS NULL`,
    );
    const insertLink = db.prepare(
      `INSERT INTO ${tables.context_links}
         (position, initiative_id, organisation_id, context_id, relation, linked_at, unlinked_at, unlink_reason)
       VALUES (@position, @initiativeId, @organisationId, @contextId, @relation, @recordedAt, NULL, NULL)`,
    );

    return (event) => {
      const { position, recordedAt } = event;
      switch (event.type) {
        case "OrganisationRegistered": {
          const organisationId = streamEntityId(event, "organisation");
          insertOrganisation.run({ organisationId, name: event.data.name, kind: event.data.kind, recordedAt });
          return;
        }
        case "GoverningContextMapped": {
          const { contextId, name, kind, description } = event.data;
          insertContext.run({
            contextId,
            organisationId: streamEntityId(event, "organisation"),
            name,
            kind,
            description,
            recordedAt,
          });
          return;
        }
        case "GoverningContextRetired": {
          const { contextId, reason } = event.data;
          retireContext.run({ contextId, organisationId: streamEntityId(event, "organisation"), reason, recordedAt });
          return;
        }
        case "GoverningContextLinked": {
          const { organisationId, contextId, relation } = event.data;
          const link = { initiativeId: streamEntityId(event, "initiative"), organisationId, contextId };
          // A link under another relation replaces the open one, which keeps its history.
          endLink.run({ ...link, reason: null, recordedAt });
          insertLink.run({ position, ...link, relation, recordedAt });
          return;
        }
        case "GoverningContextUnlinked": {
          const { organisationId, contextId, reason } = event.data;
          endLink.run({ initiativeId: streamEntityId(event, "initiative"), organisationId, contextId, reason, recordedAt });
          return;
        }
        default:
          assertNever(event, "governing-context event");
      }
    };
  },
});
