import { expect } from "vitest";
import type { ApiClient, ApiResponse } from "./mandat-server.js";

/** Shared shapes and set-ups of the e2e suite. */

export const FOCUS_AREA = "e2e-omrade";

/** The initiatives collection, the start of most paths (imported as `I` for short). */
export const INITIATIVES = "/api/v1/initiatives";

export interface WriteBody {
  readonly id: string;
  readonly revision: number;
  readonly position: number;
}

/**
 * docs/api.md "Writes": `{ id, revision, position }` with the expected status, `ETag: "<revision>"`
 * and `Log-Position: <position>`. Returns the body.
 */
export function expectWrite(response: ApiResponse, status: 200 | 201): WriteBody {
  expect(response.status, JSON.stringify(response.body)).toBe(status);
  expect(response.headers.get("content-type")).toMatch(/^application\/json/);
  const body = response.body as WriteBody;
  expect(typeof body.id).toBe("string");
  expect(body.id.length).toBeGreaterThan(0);
  expect(Number.isInteger(body.revision)).toBe(true);
  expect(body.revision).toBeGreaterThanOrEqual(0);
  expect(Number.isInteger(body.position)).toBe(true);
  expect(body.position).toBeGreaterThan(0);
  expect(response.headers.get("etag")).toBe(`"${body.revision}"`);
  expect(response.headers.get("log-position")).toBe(String(body.position));
  return body;
}

/** A successful write (200 or 201), or a failure that shows the server's answer. */
export function ok(response: ApiResponse): WriteBody {
  if (response.status !== 200 && response.status !== 201) {
    throw new Error(`Expected a 2xx write, got ${response.status}: ${JSON.stringify(response.body)}`);
  }
  return response.body as WriteBody;
}

/** RFC 9457: application/problem+json with type, title, status and detail; returns the problem. */
export function expectProblem(response: ApiResponse, status: number, type?: string | RegExp): Record<string, any> {
  expect(response.status, JSON.stringify(response.body)).toBe(status);
  expect(response.headers.get("content-type")).toMatch(/^application\/problem\+json/);
  const problem = response.body as Record<string, any>;
  expect(typeof problem.type).toBe("string");
  expect(typeof problem.title).toBe("string");
  expect(problem.title.length).toBeGreaterThan(0);
  expect(problem.status).toBe(status);
  expect(typeof problem.detail).toBe("string");
  if (typeof type === "string") expect(problem.type.endsWith(type), `type ${problem.type} should end with ${type}`).toBe(true);
  else if (type) expect(problem.type).toMatch(type);
  return problem;
}

/** The head of the log as the auditor sees it: the position of the last event. */
export async function logHead(auditor: ApiClient): Promise<number> {
  let from = 0;
  let head = 0;
  for (;;) {
    const page = await auditor.get<Array<{ position: number }>>(`/api/v1/audit/events?fromPosition=${from}&limit=1000`);
    expect(page.status).toBe(200);
    if (page.body.length === 0) return head;
    head = page.body.at(-1)!.position;
    if (page.body.length < 1000) return head;
    from = head + 1;
  }
}

/**
 * Runs `action` and checks that it appended nothing: the head of the log is where it was
 * before (docs/api.md "Errors": "Nothing is appended on any error"). Returns what `action` returned.
 */
export async function appendsNothing<T>(auditor: ApiClient, action: () => Promise<T>): Promise<T> {
  const head = await logHead(auditor);
  const result = await action();
  expect(await logHead(auditor), "the log's head moved").toBe(head);
  return result;
}

/** `path` read once the read models have reached `position`. */
export const after = (path: string, position: number): string =>
  `${path}${path.includes("?") ? "&" : "?"}minPosition=${position}`;

export interface SeededInitiative {
  readonly organisationId: string;
  readonly personId: string;
  readonly initiativeId: string;
  readonly goalId: string;
  /** The Log-Position of the last write. */
  readonly position: number;
}

let seeded = 0;

/** An organisation, a person of it, an initiative of it and one active goal, written by `core` (core-team). */
export async function seedInitiative(core: ApiClient, name = `Initiativ ${++seeded}`): Promise<SeededInitiative> {
  const organisationId = ok(
    await core.post("/api/v1/organisations", { name: `Organisation för ${name}`, kind: "municipality" }),
  ).id;
  const personId = ok(await core.post("/api/v1/people", { organisationId, name: `Person för ${name}` })).id;
  const initiativeId = ok(
    await core.post("/api/v1/initiatives", {
      name,
      focusArea: FOCUS_AREA,
      description: `Beskrivning av ${name}`,
      organisationIds: [organisationId],
    }),
  ).id;
  const goal = ok(await core.post(`/api/v1/initiatives/${initiativeId}/goals`, { statement: `Mål för ${name}` }));
  return { organisationId, personId, initiativeId, goalId: goal.id, position: goal.position };
}

export const mandateBody = (overrides: Record<string, unknown> = {}) => ({
  scope: ["Fritid för barn 10–15 år"],
  boundaries: ["Inga nya anställningar"],
  principles: ["Barnens röst först"],
  steering: "broad",
  validFrom: "2025-01-01",
  validUntil: "2025-12-31",
  budgetSek: 250_000,
  ...overrides,
});

export const checkInBody = (personId: string, overrides: Record<string, unknown> = {}) => ({
  heldOn: "2025-02-03",
  participants: [personId],
  mandateClarity: 4,
  confidence: 3,
  leadershipNeeded: "more-space",
  notes: "Avstämning",
  nextCheckInOn: "2025-03-03",
  ...overrides,
});

export const signalBody = (initiativeId: string, overrides: Record<string, unknown> = {}) => ({
  initiativeId,
  kind: "boundary-request",
  summary: "Vi behöver använda skolans lokaler på kvällstid",
  mandatePosition: "at-edge",
  observedOn: "2025-02-10",
  ...overrides,
});

export const tensionBody = (initiativeIds: ReadonlyArray<string>, overrides: Record<string, unknown> = {}) => ({
  initiativeIds,
  category: "line-vs-collaboration",
  description: "Linjen och samverkan drar åt olika håll",
  intensity: 3,
  raisedOn: "2025-02-12",
  ...overrides,
});

export const meetingBody = (attendees: ReadonlyArray<string>, overrides: Record<string, unknown> = {}) => ({
  body: "core-team",
  focusArea: FOCUS_AREA,
  heldOn: "2025-01-20",
  attendees,
  absentees: [],
  agenda: ["Uppdateringar", "Budget"],
  ...overrides,
});

/** A UUID no resource has. */
export const UNKNOWN_ID = "00000000-0000-4000-8000-000000000000";

export const isUuid = (value: unknown): boolean =>
  typeof value === "string" && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
export const isDate = (value: unknown): boolean => typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value);
export const isInstant = (value: unknown): boolean =>
  typeof value === "string" && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/.test(value);

/** The calendar date in Stockholm at an instant. */
export const stockholmDate = (instant: Date | string): string =>
  new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm", year: "numeric", month: "2-digit", day: "2-digit" }).format(
    new Date(instant),
  );

export const addDays = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
