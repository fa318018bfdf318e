import { FOCUS_AREA, ok } from "./fixtures.js";
import { type ApiClient, api, tokenOf } from "./mandat-server.js";

/**
 * People who act through the log: a login linked to a registered person, and the rights
 * the log gives that person (a Core Team membership, lead assignments). The tokens carry
 * nothing but the subject.
 */

/** The issuer of the server's own HS256 tokens. */
export const LOCAL_ISSUER = "mandat";

let people = 0;

/** A new organisation and a person of it, registered by `admin`; returns the person's id. */
export async function registeredPerson(admin: ApiClient, name = `E2E-person ${++people}`): Promise<string> {
  const organisationId = ok(await admin.post("/api/v1/organisations", { name: `Organisation för ${name}`, kind: "other" })).id;
  return ok(await admin.post("/api/v1/people", { organisationId, name })).id;
}

/** Links a login (subject `e2e-<personId>` unless given) to the person; returns a token of that login. */
export async function loginOf(admin: ApiClient, personId: string, subject = `e2e-${personId}`): Promise<string> {
  ok(await admin.post(`/api/v1/people/${personId}/logins`, { issuer: LOCAL_ISSUER, subject }));
  return tokenOf(subject);
}

/** Links a login to the person, and a client acting with it. */
export async function signedInAs(url: string, admin: ApiClient, personId: string): Promise<ApiClient> {
  return api(url, await loginOf(admin, personId));
}

/** A token of a Core Team member of the e2e focus area since 2000 (a new person unless one is given). */
export async function coreTeamToken(admin: ApiClient, personId?: string): Promise<string> {
  const member = personId ?? (await registeredPerson(admin, `E2E Core Team ${++people}`));
  ok(await admin.post(`/api/v1/people/${member}/core-team-membership`, { focusArea: FOCUS_AREA, on: "2000-01-01" }));
  return loginOf(admin, member);
}

/** A Core Team member of the e2e focus area since 2000, signed in. */
export async function coreTeamClient(url: string, admin: ApiClient, personId?: string): Promise<ApiClient> {
  return api(url, await coreTeamToken(admin, personId));
}

/** A person assigned as the lead of each initiative, signed in; returns the client and the person's id. */
export async function leadClient(
  url: string,
  admin: ApiClient,
  initiativeIds: ReadonlyArray<string>,
  personId?: string,
): Promise<{ readonly client: ApiClient; readonly personId: string }> {
  const lead = personId ?? (await registeredPerson(admin, `E2E lead ${++people}`));
  for (const initiativeId of initiativeIds) {
    ok(await admin.post(`/api/v1/initiatives/${initiativeId}/leads`, { personId: lead, role: "lead" }));
  }
  return { client: await signedInAs(url, admin, lead), personId: lead };
}

/** The id of the person a client's login is linked to, as GET /me tells it. */
export async function personIdOf(client: ApiClient): Promise<string> {
  const me = await client.get<{ person: { id: string } | null }>("/api/v1/me");
  if (me.status !== 200 || !me.body.person) throw new Error(`No person behind this client: ${JSON.stringify(me.body)}`);
  return me.body.person.id;
}
