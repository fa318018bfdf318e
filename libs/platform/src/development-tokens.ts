import { loginRef } from "#application";
import { calendarDate } from "#domain";
import { coreTeamMembersOn, currentLeads, describePeople, loginsOf } from "#projections";
import { KeyStore, type KeyStoreUnavailable } from "#privacy";
import type Database from "better-sqlite3";
import { Effect } from "effect";
import { LOCAL_ISSUER, type TokenClaims } from "./tokens.js";

/** A development token's claims, with a label saying whom it speaks for. */
export interface DevelopmentIdentity {
  readonly label: string;
  readonly claims: TokenClaims;
}

/** The identity provider's two roles, for development: no person of the log. */
export const DEVELOPMENT_PROVIDER_IDENTITIES: ReadonlyArray<DevelopmentIdentity> = [
  { label: "Administratör / Admin", claims: { sub: "dev-admin", name: "Administratör (utveckling)", roles: ["admin"] } },
  { label: "Revisor / Auditor", claims: { sub: "dev-auditor", name: "Revisor (utveckling)", roles: ["auditor"] } },
];

/** The person has a development login: the server's own issuer, their id as its subject. */
export const hasDevelopmentLogin = (readModels: Database.Database, personId: string): boolean => {
  const { subjectDigest } = loginRef(LOCAL_ISSUER, personId);
  return loginsOf(readModels, personId).some((login) => login.issuer === LOCAL_ISSUER && login.subjectDigest === subjectDigest);
};

/**
 * Whom `npm start` prints development tokens for: each Core Team member today and each
 * lead of an open initiative who has a development login (the demo gives every person one),
 * then an admin and an auditor. The tokens name a subject and nothing else: what the person
 * may do is read from the log on each request.
 */
export const developmentIdentities = (
  readModels: Database.Database,
  now: Date,
): Effect.Effect<ReadonlyArray<DevelopmentIdentity>, KeyStoreUnavailable, KeyStore> =>
  Effect.gen(function* () {
    const members = coreTeamMembersOn(readModels, calendarDate(now));
    const leads = currentLeads(readModels);
    const people = yield* Effect.flatMap(KeyStore, (keys) =>
      describePeople(readModels, keys, [...members, ...leads.map((lead) => lead.personId)]),
    );
    const identity = (personId: string, label: string): DevelopmentIdentity[] => {
      const person = people.get(personId);
      if (!person || person.erased || !hasDevelopmentLogin(readModels, personId)) return [];
      return [{ label: `${label}: ${person.name}`, claims: { sub: personId, name: person.name } }];
    };
    return [
      ...members.flatMap((personId) => identity(personId, "Core Team")),
      ...leads.flatMap((lead) => identity(lead.personId, `Initiativledare / Lead, ${lead.initiativeName}`)),
      ...DEVELOPMENT_PROVIDER_IDENTITIES,
    ];
  });
