import type { SealedText } from "#domain";
import type Database from "better-sqlite3";
import { prepared } from "../../runner/prepared.js";

/** A person as recorded: name and e-mail still sealed, to be opened with the person's key. */
export interface PersonRecord {
  readonly personId: string;
  readonly organisationId: string;
  readonly nameSealed: SealedText;
  readonly emailSealed: SealedText | null;
  readonly registeredAt: string;
  readonly erasedOn: string | null;
}

interface PersonRow {
  personId: string;
  organisationId: string;
  nameSealed: string;
  emailSealed: string | null;
  registeredAt: string;
  erasedOn: string | null;
}

const toRecord = (row: PersonRow): PersonRecord => ({
  ...row,
  nameSealed: JSON.parse(row.nameSealed) as SealedText,
  emailSealed: row.emailSealed === null ? null : (JSON.parse(row.emailSealed) as SealedText),
});

/** The records of the given people that are registered, in the order asked for. */
export function peopleRecords(db: Database.Database, personIds: ReadonlyArray<string>): ReadonlyArray<PersonRecord> {
  return prepared<[string], PersonRow>(
    db,
    `SELECT p.person_id AS personId, p.organisation_id AS organisationId, p.name_sealed AS nameSealed,
       p.email_sealed AS emailSealed, p.registered_at AS registeredAt, p.erased_on AS erasedOn
     FROM json_each(?) asked JOIN people p ON p.person_id = asked.value ORDER BY asked.key`,
  )
    .all(JSON.stringify(personIds))
    .map(toRecord);
}

/**
 * Ids of the people in a focus area's Core Team on date `at` (an end date is the last day
 * of membership), as known at `asOf`, in the order they joined.
 */
export function coreTeam(
  db: Database.Database,
  focusArea: string,
  options: { readonly at: string; readonly asOf?: string },
): ReadonlyArray<string> {
  const params = { focusArea, at: options.at, asOf: options.asOf ?? null };
  return prepared<[typeof params], { personId: string }>(
    db,
    `SELECT person_id AS personId FROM core_team_memberships
       WHERE focus_area = @focusArea AND started_on <= @at AND recorded_at <= coalesce(@asOf, recorded_at)
         AND (ended_on IS NULL OR ended_on >= @at OR ended_at > coalesce(@asOf, ended_at))
       GROUP BY person_id ORDER BY MIN(position)`,
  )
    .all(params)
    .map((row) => row.personId);
}

/**
 * The people a login is linked to: one, or none; more than one only if two links raced. An
 * erased person's logins are free to be linked to someone else, so callers tell them apart.
 */
export function loginHolders(
  db: Database.Database,
  login: { readonly issuer: string; readonly subjectDigest: string },
): ReadonlyArray<{ readonly personId: string; readonly erased: boolean }> {
  return prepared<[typeof login], { personId: string; erased: number }>(
    db,
    `SELECT l.person_id AS personId, p.erased_on IS NOT NULL AS erased FROM person_logins l
       JOIN people p ON p.person_id = l.person_id
       WHERE l.issuer = @issuer AND l.subject_digest = @subjectDigest ORDER BY l.linked_at`,
  )
    .all(login)
    .map((row) => ({ personId: row.personId, erased: row.erased === 1 }));
}

/** Whether the person has any login at this issuer (a development token can be signed for them). */
export function loginsOf(db: Database.Database, personId: string): ReadonlyArray<{ issuer: string; subjectDigest: string }> {
  return prepared<[string], { issuer: string; subjectDigest: string }>(
    db,
    `SELECT issuer, subject_digest AS subjectDigest FROM person_logins WHERE person_id = ? ORDER BY linked_at`,
  ).all(personId);
}

/** The people who gave an e-mail and are not erased: whom a verified e-mail may be matched against. */
export function peopleWithEmail(db: Database.Database): ReadonlyArray<string> {
  return prepared<[], { personId: string }>(
    db,
    `SELECT person_id AS personId FROM people WHERE email_sealed IS NOT NULL AND erased_on IS NULL ORDER BY registered_at`,
  )
    .all()
    .map((row) => row.personId);
}

/** Everyone in some Core Team on date `at` (an end date is the last day of membership). */
export function coreTeamMembersOn(db: Database.Database, at: string): ReadonlyArray<string> {
  return prepared<[{ at: string }], { personId: string }>(
    db,
    `SELECT person_id AS personId FROM core_team_memberships
       WHERE started_on <= @at AND (ended_on IS NULL OR ended_on >= @at)
       GROUP BY person_id ORDER BY MIN(position)`,
  )
    .all({ at })
    .map((row) => row.personId);
}
