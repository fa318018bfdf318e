import { type KeyStoreService, type KeyStoreUnavailable, type PersonalData, readPersonalData } from "#privacy";
import type Database from "better-sqlite3";
import { Effect } from "effect";
import type { AnyProjection } from "../../runner/projection-definition.js";
import { peopleProjection } from "./projection.js";
import { peopleRecords } from "./queries.js";

const UNKNOWN_PERSON_NAME = "Okänd person / Unknown person";

export interface PersonView extends PersonalData {
  readonly personId: string;
  readonly organisationId: string | null;
}

/** The read models describePeople reads: a read that shows names waits for these too. */
export const describePeopleReadModels: ReadonlyArray<AnyProjection> = [peopleProjection];

/**
 * Names opened with each person's key at the moment of reading, never stored in a read
 * model: an erased person reads as a placeholder, an id no one registered as unknown.
 */
export const describePeople = (
  readModels: Database.Database,
  keys: KeyStoreService,
  personIds: ReadonlyArray<string>,
): Effect.Effect<Map<string, PersonView>, KeyStoreUnavailable> =>
  Effect.map(
    Effect.forEach(peopleRecords(readModels, [...new Set(personIds)]), (record) =>
      Effect.map(
        readPersonalData(keys, record.personId, {
          name: record.nameSealed,
          ...(record.emailSealed ? { email: record.emailSealed } : {}),
        }),
        (data): PersonView => ({ personId: record.personId, organisationId: record.organisationId, ...data }),
      ),
    ),
    (views) => {
      const byId = new Map(views.map((view) => [view.personId, view]));
      for (const personId of personIds) {
        if (!byId.has(personId)) byId.set(personId, { personId, organisationId: null, name: UNKNOWN_PERSON_NAME, erased: false });
      }
      return byId;
    },
  );
