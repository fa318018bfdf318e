import { signToken } from "#platform";

/** The secret the bench servers (real and bare) check tokens against. */
export const BENCH_SECRET = "bench-secret-0123456789-abcdefghijklmnopqrstuvwxyz";

/** A token for `sub` (with the identity provider's `roles`), HS256 with BENCH_SECRET, as the servers check them. */
export const benchToken = (sub: string, roles: ReadonlyArray<"admin" | "auditor"> = []): Promise<string> =>
  signToken({ sub, ...(roles.length > 0 ? { roles } : {}) }, BENCH_SECRET);

export interface Answer {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
}

/** Setting up and checking, one request at a time (the loads themselves go through load.ts). */
export const client = (url: string, token: string) => {
  const send = async (method: "GET" | "POST", path: string, body?: unknown): Promise<Answer> => {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, headers: response.headers, text: await response.text() };
  };
  return {
    get: (path: string) => send("GET", path),
    post: (path: string, body: unknown) => send("POST", path, body),
  };
};

/** The id a setup request created; anything but 200/201 stops the bench. */
export const created = (answer: Answer): string => {
  if (answer.status !== 200 && answer.status !== 201) throw new Error(`Setup failed: ${answer.status} ${answer.text}`);
  return (JSON.parse(answer.text) as { id: string }).id;
};

/**
 * A person of the real server's log in the Core Team, with a login whose tokens the bench
 * signs: the principal every measured request of the real server acts as (rights come
 * from the log, so each request resolves it as a real user's would be). Its organisation,
 * for initiatives to name.
 */
export async function coreTeamMember(url: string): Promise<{ readonly token: string; readonly organisationId: string }> {
  const admin = client(url, await benchToken("bench-admin", ["admin"]));
  const organisationId = created(await admin.post("/api/v1/organisations", { name: "Bench organisation", kind: "municipality" }));
  const personId = created(await admin.post("/api/v1/people", { organisationId, name: "Bench Core Team member" }));
  created(await admin.post(`/api/v1/people/${personId}/core-team-membership`, { focusArea: "bench", on: "2000-01-01" }));
  created(await admin.post(`/api/v1/people/${personId}/logins`, { issuer: "mandat", subject: "bench-core" }));
  return { token: await benchToken("bench-core"), organisationId };
}
