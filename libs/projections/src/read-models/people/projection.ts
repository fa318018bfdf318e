import { type MandatEventOf, assertNever, parseStreamName } from "#domain";
import type { RecordedEvent } from "#event-store";
import type { ProjectionDefinition } from "../../runner/projection-definition.js";
import { peopleTables } from "./tables.js";

const handled = ["PersonRegistered", "CoreTeamMembershipStarted", "CoreTeamMembershipEnded", "PersonErased"] as const;

type Handled = RecordedEvent & MandatEventOf<(typeof handled)[number]>;

/** Keeps personal data sealed exactly as the log holds it: this projection never sees a key. */
export const peopleProjection: ProjectionDefinition<keyof typeof peopleTables> = {
  name: "people",
  version: 1,
  tables: peopleTables,
  eventTypes: new Set(handled),
  bind: (db, tables) => {
    const insertPerson = db.prepare(
      `INSERT INTO ${tables.people} (person_id, organisation_id, name_sealed, email_sealed, registered_at, erased_on, erased_at)
       VALUES (@personId, @organisationId, @nameSealed, @emailSealed, @recordedAt, NULL, NULL)`,
    );
    const erasePerson = db.prepare(
      `UPDATE ${tables.people} SET erased_on = @on, erased_at = @recordedAt WHERE person_id = @personId`,
    );
    const startMembership = db.prepare(
      `INSERT INTO ${tables.core_team_memberships} (position, person_id, focus_area, started_on, ended_on, recorded_at, ended_at)
       VALUES (@position, @personId, @focusArea, @on, NULL, @recordedAt, NULL)`,
    );
    const endMembership = db.prepare(
      `UPDATE ${tables.core_team_memberships} SET ended_on = @on, ended_at = @recordedAt
       WHERE person_id = @personId AND focus_area = @focusArea AND ended_on IS NULL`,
    );

    return (recorded) => {
      const event = recorded as Handled;
      const { position, recordedAt } = event;
      const { id: personId } = parseStreamName(event.streamId)!;
      switch (event.type) {
        case "PersonRegistered": {
          const { organisationId, name, email } = event.data;
          insertPerson.run({
            personId,
            organisationId,
            nameSealed: JSON.stringify(name),
            emailSealed: email === undefined ? null : JSON.stringify(email),
            recordedAt,
          });
          return;
        }
        case "CoreTeamMembershipStarted":
          startMembership.run({ position, personId, focusArea: event.data.focusArea, on: event.data.on, recordedAt });
          return;
        case "CoreTeamMembershipEnded":
          endMembership.run({ personId, focusArea: event.data.focusArea, on: event.data.on, recordedAt });
          return;
        case "PersonErased":
          erasePerson.run({ personId, on: event.data.on, recordedAt });
          return;
        default:
          assertNever(event, "person event");
      }
    };
  },
};
