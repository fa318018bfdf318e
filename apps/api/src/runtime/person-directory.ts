import { peopleRecords } from "#projections";
import { KeyStore, type PersonalData, readPersonalData } from "#privacy";
import { Effect } from "effect";
import type { MandatRuntime } from "./mandat-runtime.js";

export const UNKNOWN_PERSON_NAME = "Okänd person / Unknown person";

export interface PersonView extends PersonalData {
  readonly personId: string;
  readonly organisationId: string | null;
}

/**
 * Names opened with each person's key at the moment of reading, never stored in a read
 * model: an erased person reads as a placeholder, an unknown id as unknown.
 */
export async function describePeople(runtime: MandatRuntime, personIds: ReadonlyArray<string>): Promise<Map<string, PersonView>> {
  const records = peopleRecords(runtime.readModels, [...new Set(personIds)]);
  const views = await runtime.effects.runPromise(
    Effect.flatMap(KeyStore, (keys) =>
      Effect.forEach(records, (record) =>
        Effect.map(
          readPersonalData(keys, record.personId, {
            name: record.nameSealed,
            ...(record.emailSealed ? { email: record.emailSealed } : {}),
          }),
          (data): PersonView => ({ personId: record.personId, organisationId: record.organisationId, ...data }),
        ),
      ),
    ),
  );
  const byId = new Map(views.map((view) => [view.personId, view]));
  for (const personId of personIds) {
    if (!byId.has(personId)) byId.set(personId, { personId, organisationId: null, name: UNKNOWN_PERSON_NAME, erased: false });
  }
  return byId;
}
