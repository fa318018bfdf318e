import type { IsoDate } from "../shared/calendar.js";
import type { FocusArea } from "../shared/schema-primitives.js";

export type PersonState =
  | { readonly status: "unregistered" }
  | {
      readonly status: "registered" | "erased";
      /** Focus areas whose Core Team the person is in, with the date they joined. */
      readonly coreTeam: ReadonlyMap<FocusArea, IsoDate>;
      /** The person's logins, by `loginKey` (issuer and subject digest). */
      readonly logins: ReadonlySet<string>;
      /** Logins an admin once unlinked from the person: only an admin links them again. */
      readonly unlinkedLogins: ReadonlySet<string>;
    };

export const initialPersonState: PersonState = { status: "unregistered" };

/** One string per login, for sets: the issuer and the subject digest cannot contain a newline together. */
export const loginKey = (login: { readonly issuer: string; readonly subjectDigest: string }): string =>
  `${login.issuer}\n${login.subjectDigest}`;
