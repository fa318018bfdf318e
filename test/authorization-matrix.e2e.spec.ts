import { beforeAll, describe, expect, it } from "vitest";
import {
  FOCUS_AREA,
  INITIATIVES as I,
  type SeededInitiative,
  UNKNOWN_ID,
  appendsNothing,
  checkInBody,
  meetingBody,
  ok,
  seedInitiative,
  signalBody,
  stockholmDate,
  tensionBody,
} from "./support/fixtures.js";
import { type ApiClient, type MandatServer, api, serverForFile, tokenFor, tokenOf } from "./support/mandat-server.js";
import { coreTeamToken, loginOf, registeredPerson } from "./support/people.js";

/**
 * docs/api.md "Auth": each role × each operation of the route table (the served OpenAPI
 * document's `x-roles`) × the lead's own and another initiative. A principal the operation
 * does not admit gets 403 problem+json and nothing is appended; one it admits never gets
 * 401 or 403. Operations that admit leads are sent valid bodies, on fresh resources, so that
 * the one refusal left is the scope: 2xx on the lead's own initiative, 403 on the other's.
 */
let server: MandatServer;
let core: ApiClient;
let admin: ApiClient;
let auditor: ApiClient;
let anonymous: ApiClient;
let lead: ApiClient;
let person: ApiClient;
let unlinked: ApiClient;
let own: SeededInitiative;
let other: SeededInitiative;
let bystanderId: string;
let meetingId: string;
const signals: Record<Side, string> = { own: "", other: "" };
const tensions: Record<Side, string> = { own: "", other: "" };

// Every request of this file comes from one address and a few principals: no rate limit may answer instead.
serverForFile((started) => ({ server, anonymous } = started), {
  demo: "off",
  env: { MANDAT_WRITES_PER_MINUTE: "0", MANDAT_AUTH_FAILURES_PER_MINUTE: "0" },
});

type Side = "own" | "other";
const ROLE_NAMES = ["admin", "core-team", "initiative-lead", "auditor"] as const;
type RoleName = (typeof ROLE_NAMES)[number];

interface Operation {
  readonly method: "get" | "post";
  readonly path: string;
  readonly operationId: string;
  readonly roles: "public" | "signed-in" | "authenticated" | ReadonlyArray<RoleName>;
}
let operations: ReadonlyArray<Operation> = [];

interface Principal {
  readonly name: string;
  readonly client: () => ApiClient;
  /** The roles the server should find for it today (from the token or the log). */
  readonly roles: ReadonlyArray<RoleName>;
  /** A person of the log (a linked login), whom a command admitting leads lets through to its scope check. */
  readonly person: boolean;
  /** Whose resources it is sent to. */
  readonly side: Side;
  /** What its refusals say. */
  readonly refusal: RegExp;
}

const NEEDS_A_ROLE = /needs one of the roles/;
const NOT_LINKED =
  /not linked to a person in Mandat.*Ask an administrator to link it: POST \/api\/v1\/people\/\{personId\}\/logins/;
const UNLINKED_SUBJECT = "e2e-matrix-unlinked";

const PRINCIPALS: ReadonlyArray<Principal> = [
  { name: "admin", client: () => admin, roles: ["admin"], person: false, side: "own", refusal: NEEDS_A_ROLE },
  { name: "auditor", client: () => auditor, roles: ["auditor"], person: false, side: "own", refusal: NEEDS_A_ROLE },
  { name: "core-team", client: () => core, roles: ["core-team"], person: true, side: "own", refusal: NEEDS_A_ROLE },
  {
    name: "lead, own initiative",
    client: () => lead,
    roles: ["initiative-lead"],
    person: true,
    side: "own",
    refusal: NEEDS_A_ROLE,
  },
  {
    name: "lead, another initiative",
    client: () => lead,
    roles: ["initiative-lead"],
    person: true,
    side: "other",
    refusal: NEEDS_A_ROLE,
  },
  { name: "a linked person with no role", client: () => person, roles: [], person: true, side: "own", refusal: NEEDS_A_ROLE },
  { name: "a login linked to no one", client: () => unlinked, roles: [], person: false, side: "own", refusal: NOT_LINKED },
];

/** Whether the route table admits the principal (a command admitting leads admits any person at this stage). */
function admits(operation: Operation, principal: Principal): boolean {
  const { roles } = operation;
  if (roles === "public" || roles === "signed-in") return true;
  if (roles === "authenticated") return principal.roles.length > 0;
  if (principal.roles.some((role) => roles.includes(role))) return true;
  return operation.method === "post" && roles.includes("initiative-lead") && principal.person;
}

const admitsLeads = (operation: Operation) => Array.isArray(operation.roles) && operation.roles.includes("initiative-lead");

/** The path of an operation with its parameters filled in from one side's resources. */
function pathOf(operation: Operation, side: Side): string {
  const initiative = side === "own" ? own : other;
  const idOf: Record<string, string> = {
    organisations: initiative.organisationId,
    // Erasing with an empty body is a valid command: a person nobody else here needs.
    people: bystanderId,
    initiatives: initiative.initiativeId,
    signals: signals[side],
    tensions: tensions[side],
    meetings: meetingId,
  };
  const collection = operation.path.split("/")[3] ?? "";
  const values: Record<string, string> = {
    id: idOf[collection] ?? UNKNOWN_ID,
    goalId: initiative.goalId,
    personId: bystanderId,
    focusArea: FOCUS_AREA,
    year: "2025",
  };
  return operation.path.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? UNKNOWN_ID);
}

interface Answer {
  readonly status: number;
  readonly type: string;
  readonly body: any;
}

/** One request, its body read unless it is a stream (the live feed), which is only opened. */
async function send(client: ApiClient, method: "get" | "post", path: string, body: unknown = {}): Promise<Answer> {
  if (method === "post") {
    const answer = await client.post(path, body);
    return { status: answer.status, type: answer.headers.get("content-type") ?? "", body: answer.body };
  }
  if (path !== "/api/v1/events/live") {
    const answer = await client.get(path);
    return { status: answer.status, type: answer.headers.get("content-type") ?? "", body: answer.body };
  }
  const token = tokens.get(client);
  const controller = new AbortController();
  const response = await fetch(`${server.url}${path}`, {
    headers: token === undefined ? {} : { authorization: `Bearer ${token}` },
    signal: controller.signal,
  });
  const type = response.headers.get("content-type") ?? "";
  const text = type.startsWith("text/event-stream") ? "" : await response.text();
  controller.abort();
  return { status: response.status, type, body: /json/.test(type) && text ? JSON.parse(text) : text };
}

const tokens = new Map<ApiClient, string>();
const clientOf = (token: string): ApiClient => {
  const client = api(server.url, token);
  tokens.set(client, token);
  return client;
};

function expectRefused(answer: Answer, what: string, detail: RegExp) {
  expect(answer.status, `${what}: ${JSON.stringify(answer.body)}`).toBe(403);
  expect(answer.type, what).toMatch(/^application\/problem\+json/);
  expect(answer.body.type, what).toMatch(/\/problems\/forbidden$/);
  expect(answer.body.detail, what).toMatch(detail);
}

beforeAll(async () => {
  // Clients whose tokens this file knows, so that the live feed can be opened with them.
  admin = clientOf(await tokenFor("admin"));
  auditor = clientOf(await tokenFor("auditor"));
  core = clientOf(await coreTeamToken(admin));
  own = await seedInitiative(core, "Ledarens eget initiativ");
  other = await seedInitiative(core, "Ett annat initiativ");
  // The person the seeding registered leads the own initiative, as the log says.
  ok(await admin.post(`${I}/${own.initiativeId}/leads`, { personId: own.personId, role: "lead" }));
  lead = clientOf(await loginOf(admin, own.personId));
  person = clientOf(await loginOf(admin, await registeredPerson(admin, "Utan roll")));
  unlinked = clientOf(await tokenOf(UNLINKED_SUBJECT));
  bystanderId = await registeredPerson(admin, "Åskådare");
  meetingId = ok(await core.post("/api/v1/meetings", meetingBody([own.personId]))).id;
  for (const side of ["own", "other"] as const) {
    const { initiativeId } = side === "own" ? own : other;
    signals[side] = ok(await core.post("/api/v1/signals", signalBody(initiativeId))).id;
    tensions[side] = ok(await core.post("/api/v1/tensions", tensionBody([initiativeId]))).id;
  }
  const document = await anonymous.get("/docs/openapi.json");
  expect(document.status).toBe(200);
  operations = Object.entries(document.body.paths as Record<string, Record<string, any>>).flatMap(([path, byMethod]) =>
    Object.entries(byMethod).map(([method, operation]) => ({
      method: method as Operation["method"],
      path,
      operationId: operation.operationId as string,
      roles: operation["x-roles"],
    })),
  );
});

/** The operations that admit leads, with a valid body on a fresh resource of one initiative (written by the Core Team). */
const today = () => stockholmDate(new Date());
const aGoal = async (initiativeId: string) =>
  ok(await core.post(`${I}/${initiativeId}/goals`, { statement: "Ett mål att arbeta med" })).id;
const aSignal = async (initiativeId: string) => ok(await core.post("/api/v1/signals", signalBody(initiativeId))).id;
const aTension = async (initiativeId: string) => ok(await core.post("/api/v1/tensions", tensionBody([initiativeId]))).id;

type Write = { readonly path: string; readonly body: unknown };
const LEAD_OPERATIONS: Readonly<Record<string, (initiative: SeededInitiative) => Promise<Write>>> = {
  setGoal: async ({ initiativeId }) => ({ path: `${I}/${initiativeId}/goals`, body: { statement: "Ett nytt mål" } }),
  reviseGoal: async ({ initiativeId }) => ({
    path: `${I}/${initiativeId}/goals/${await aGoal(initiativeId)}/revisions`,
    body: { statement: "Ett tydligare mål", reason: "Tydligare" },
  }),
  achieveGoal: async ({ initiativeId }) => ({
    path: `${I}/${initiativeId}/goals/${await aGoal(initiativeId)}/achievement`,
    body: { evidence: "Uppnått enligt uppföljningen", on: today() },
  }),
  dropGoal: async ({ initiativeId }) => ({
    path: `${I}/${initiativeId}/goals/${await aGoal(initiativeId)}/drop`,
    body: { reason: "Inte längre aktuellt" },
  }),
  recordIndicatorReading: async ({ initiativeId, goalId }) => ({
    path: `${I}/${initiativeId}/goals/${goalId}/readings`,
    body: { value: 12, unit: "barn per vecka", on: "2025-03-01" },
  }),
  holdCheckIn: async ({ initiativeId, personId }) => ({ path: `${I}/${initiativeId}/check-ins`, body: checkInBody(personId) }),
  submitSignal: async ({ initiativeId }) => ({ path: "/api/v1/signals", body: signalBody(initiativeId) }),
  withdrawSignal: async ({ initiativeId }) => ({
    path: `/api/v1/signals/${await aSignal(initiativeId)}/withdrawal`,
    body: { reason: "Inte längre aktuellt" },
  }),
  raiseTension: async ({ initiativeId }) => ({ path: "/api/v1/tensions", body: tensionBody([initiativeId]) }),
  changeTensionIntensity: async ({ initiativeId }) => ({
    path: `/api/v1/tensions/${await aTension(initiativeId)}/intensity`,
    body: { intensity: 4, note: "Värre", on: "2025-02-20" },
  }),
  escalateTension: async ({ initiativeId }) => ({
    path: `/api/v1/tensions/${await aTension(initiativeId)}/escalation`,
    body: { to: "board", note: "Behöver styrgruppen", on: "2025-02-20" },
  }),
  resolveTension: async ({ initiativeId }) => ({
    path: `/api/v1/tensions/${await aTension(initiativeId)}/resolution`,
    body: { resolution: "Gemensam rutin", resolvedOn: "2025-03-10" },
  }),
  dropTension: async ({ initiativeId }) => ({
    path: `/api/v1/tensions/${await aTension(initiativeId)}/drop`,
    body: { reason: "Inte aktuell", on: "2025-02-28" },
  }),
};

describe("the route table", () => {
  it("names who may call every operation; the operations that admit leads are the thirteen below", () => {
    expect(operations.length).toBeGreaterThanOrEqual(80);
    for (const operation of operations) {
      const { roles } = operation;
      if (Array.isArray(roles)) expect(roles.length > 0 && roles.every((role) => ROLE_NAMES.includes(role))).toBe(true);
      else expect(["public", "signed-in", "authenticated"], operation.operationId).toContain(roles);
    }
    const leads = operations.filter(admitsLeads);
    // A new one needs a valid body below; none may be a read (a read's scope is not checked against a stream).
    expect(leads.map((operation) => operation.operationId).sort()).toEqual(Object.keys(LEAD_OPERATIONS).sort());
    expect(leads.every((operation) => operation.method === "post")).toBe(true);
    expect(operations.filter((operation) => operation.roles === "signed-in").map((operation) => operation.operationId)).toEqual([
      "me",
    ]);
  });
});

describe("the principals", () => {
  it("are who the matrix takes them for: GET /me names the roles it expects, and a person where there is one", async () => {
    for (const principal of PRINCIPALS) {
      const me = await principal.client().get("/api/v1/me");
      expect(me.status, principal.name).toBe(200);
      expect([...me.body.roles].sort(), principal.name).toEqual([...principal.roles].sort());
      expect(me.body.person !== null, principal.name).toBe(principal.person);
    }
    expect((await lead.get("/api/v1/me")).body.initiatives).toEqual([{ id: own.initiativeId, name: "Ledarens eget initiativ" }]);
  });
});

describe("each principal × each operation (empty bodies; those that admit leads below)", () => {
  for (const principal of PRINCIPALS) {
    it(`${principal.name}: 403 problem+json and nothing appended where not admitted; never 401 or 403 where admitted`, async () => {
      const client = principal.client();
      const matrix = operations.filter((operation) => !admitsLeads(operation));
      const refused = matrix.filter((operation) => !admits(operation, principal));
      const admitted = matrix.filter((operation) => admits(operation, principal));
      await appendsNothing(auditor, async () => {
        for (const operation of refused) {
          const path = pathOf(operation, principal.side);
          expectRefused(await send(client, operation.method, path), `${operation.method} ${path}`, principal.refusal);
        }
      });
      for (const operation of admitted) {
        const path = pathOf(operation, principal.side);
        const answer = await send(client, operation.method, path);
        const what = `${operation.method} ${path}: ${answer.status} ${JSON.stringify(answer.body)}`;
        // The request passed the roles: what is left is the input and the resource (400, 404, 409) or success.
        expect([200, 201, 400, 404, 409], what).toContain(answer.status);
      }
      expect(refused.length + admitted.length).toBe(matrix.length);
    });
  }

  it("a login linked to no one: GET /api/v1/me is 200 and says so; every other operation not public is 403 and says how to get linked", async () => {
    const me = await unlinked.get("/api/v1/me");
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({
      issuer: "mandat",
      subject: UNLINKED_SUBJECT,
      roles: [],
      person: null,
      unlinked: "not-linked",
    });
    const guarded = operations.filter((operation) => operation.roles !== "public" && operation.roles !== "signed-in");
    expect(guarded.length).toBe(operations.length - operations.filter((o) => o.roles === "public").length - 1);
    await appendsNothing(auditor, async () => {
      for (const operation of guarded) {
        const path = pathOf(operation, "own");
        const answer = await send(unlinked, operation.method, path);
        expectRefused(answer, `${operation.method} ${path}`, NOT_LINKED);
        expect(answer.body.detail).toContain(`{"issuer": "mandat", "subject": "${UNLINKED_SUBJECT}"}`);
      }
    });
  });
});

describe("operations that admit leads, with valid bodies", () => {
  const refusedEverywhere = () => [
    { name: "admin", client: admin, detail: NEEDS_A_ROLE },
    { name: "auditor", client: auditor, detail: NEEDS_A_ROLE },
    { name: "a login linked to no one", client: unlinked, detail: NOT_LINKED },
    { name: "a linked person with no role", client: person, detail: /not allowed for this initiative/ },
  ];

  for (const [operationId, write] of Object.entries(LEAD_OPERATIONS)) {
    it(`${operationId}: the lead on their own initiative and the Core Team on either 2xx; the lead on another 403; admin, auditor, no role, no person 403; refusals append nothing`, async () => {
      const onOwn = await write(own);
      await appendsNothing(auditor, async () => {
        for (const { name, client, detail } of refusedEverywhere()) {
          expectRefused(await send(client, "post", onOwn.path, onOwn.body), `${name} on the own initiative`, detail);
        }
      });
      const byLead = await lead.post(onOwn.path, onOwn.body);
      expect([200, 201], `the lead on the own initiative: ${JSON.stringify(byLead.body)}`).toContain(byLead.status);

      const onOther = await write(other);
      await appendsNothing(auditor, async () => {
        const refusals = [...refusedEverywhere(), { name: "the lead", client: lead, detail: /not allowed for this initiative/ }];
        for (const { name, client, detail } of refusals) {
          expectRefused(await send(client, "post", onOther.path, onOther.body), `${name} on the other initiative`, detail);
        }
      });
      const byCore = await core.post(onOther.path, onOther.body);
      expect([200, 201], `the Core Team on the other initiative: ${JSON.stringify(byCore.body)}`).toContain(byCore.status);

      const again = await write(own);
      const byCoreOnOwn = await core.post(again.path, again.body);
      expect([200, 201], `the Core Team on the own initiative: ${JSON.stringify(byCoreOnOwn.body)}`).toContain(
        byCoreOnOwn.status,
      );
    });
  }
});
