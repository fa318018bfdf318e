import type { SealedText } from "#domain";
import { Effect } from "effect";
import type { KeyStoreService, KeyStoreUnavailable } from "./key-store.js";
import { open } from "./personal-data-cipher.js";

export interface PersonalData {
  readonly name: string;
  readonly email?: string;
  /** True when the key is gone: the name is a placeholder and nothing else is known. */
  readonly erased: boolean;
}

/** What everyone sees in place of an erased person; never an error. */
export const ERASED_PERSON_NAME = "Raderad person / Erased person";

/** Opens the sealed name and e-mail of a PersonRegistered payload with the person's key. */
export const readPersonalData = (
  keys: KeyStoreService,
  personId: string,
  sealed: { readonly name: SealedText; readonly email?: SealedText },
): Effect.Effect<PersonalData, KeyStoreUnavailable> =>
  Effect.map(keys.find(personId), (key) => {
    const name = key && open(key, personId, sealed.name);
    if (key === undefined || name === undefined) return { name: ERASED_PERSON_NAME, erased: true };
    const email = sealed.email && open(key, personId, sealed.email);
    return email === undefined ? { name, erased: false } : { name, email, erased: false };
  });
