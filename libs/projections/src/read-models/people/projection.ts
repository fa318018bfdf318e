import { assertNever } from "#domain";
import { defineProjection, streamEntityId } from "../../runner/define-projection.js";
import { peopleTables } from "./tables.js";

/** Keeps personal data sealed exactly as the log holds it: this projection never sees a key. */
export const peopleProjection = defineProjection({
  name: "people",
  // 2: the logins linked to people (issue 12).
  version: 2,
  tables: peopleTables,
  handles: [
    "PersonRegistered",
    "CoreTeamMembershipStarted",
    "CoreTeamMembershipEnded",
    "PersonErased",
    "PersonLoginLinked",
    "PersonLoginUnlinked",
  ],
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
    const linkLogin = db.prepare(
      `INSERT OR IGNORE INTO ${tables.person_logins} (issuer, subject_digest, person_id, linked_by, linked_at)
       VALUES (@issuer, @subjectDigest, @personId, @linkedBy, @recordedAt)`,
    );
    const unlinkLogin = db.prepare(
      `DELETE FROM ${tables.person_logins} WHERE issuer = @issuer AND subject_digest = @subjectDigest AND person_id = @personId`,
    );

    return (event) => {
      const { position, recordedAt } = event;
      const personId = streamEntityId(event, "person");
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
        case "PersonLoginLinked":
          linkLogin.run({ ...event.data, personId, recordedAt });
          return;
        case "PersonLoginUnlinked":
          unlinkLogin.run({ ...event.data, personId });
          return;
        default:
          assertNever(event, "person event");
      }
    };
  },
});
