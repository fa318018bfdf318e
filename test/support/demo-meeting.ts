import type { Page } from "playwright-core";
import { expect } from "vitest";

/**
 * A meeting of the demo's Core Team held through the API, for the browser specs of its
 * minutes (test/web/meetings-*.e2e.spec.ts): planned with an open item and an item of its
 * own, held, its chair, secretary and two adjusters named, a decision under § 2, a comment
 * on it and a next step. Written as the chair, signed in on the development sign-in's API
 * (in beforeAll, where the page helpers' polling is not available).
 */
export const DEMO_MEETING = {
  focusArea: "alla-barn-och-unga-lyckas",
  heldOn: "2026-11-20",
  chair: "Deltagare Västerås 1",
  secretary: "Deltagare Västerås 2",
  adjusters: ["Deltagare Eskilstuna 1", "Deltagare MDU 1"] as const,
  absent: "Frånvarande 1",
  ownItem: "Budget 2027",
  decision: "Budgeten för 2027 godkänns som den föreslogs.",
  comment: "Mer underlag om tidigare år behövs för att besluta bättre.",
  nextStep: "Förankra budgeten i varje organisation.",
  nextStepDue: "2027-01-31",
} as const;

export interface HeldDemoMeeting {
  /** The meeting page's path in the web app. */
  readonly path: string;
  /** The title of § 1, the open item the agenda took up. */
  readonly candidateTitle: string;
}

export async function holdDemoMeeting(page: Page, serverUrl: string): Promise<HeldDemoMeeting> {
  const m = DEMO_MEETING;
  const listed = await page.request.get(`${serverUrl}/auth/development/people`);
  const subject = ((await listed.json()) as Array<{ subject: string; name: string }>).find(
    (entry) => entry.name === m.chair,
  )!.subject;
  expect((await page.request.post(`${serverUrl}/auth/development/sign-in`, { data: { subject } })).status()).toBe(204);
  const csrf = (await page.context().cookies()).find((cookie) => cookie.name === "mandat-csrf")?.value ?? "";

  const post = async (path: string, body: unknown): Promise<{ id: string; position: number }> => {
    const response = await page.request.post(`${serverUrl}/api/v1${path}`, { data: body, headers: { "x-csrf-token": csrf } });
    expect(response.status(), await response.text()).toBeLessThan(300);
    return (await response.json()) as { id: string; position: number };
  };
  const get = async <T>(path: string): Promise<T> => {
    const response = await page.request.get(`${serverUrl}/api/v1${path}`);
    expect(response.status(), await response.text()).toBe(200);
    return (await response.json()) as T;
  };

  const people = await get<Array<{ id: string; name: string }>>("/people?limit=200");
  const idOf = (name: string) => people.find((person) => person.name === name)!.id;
  const [candidate] = await get<Array<{ title: string; source: unknown }>>(`/agenda-candidates?focusArea=${m.focusArea}`);
  const { id } = await post("/meetings/planned", {
    body: "core-team",
    focusArea: m.focusArea,
    plannedOn: m.heldOn,
    agenda: [{ title: candidate!.title, source: candidate!.source }, { title: m.ownItem }],
  });
  await post(`/meetings/${id}/held`, {
    heldOn: m.heldOn,
    attendees: [m.chair, m.secretary, ...m.adjusters].map(idOf),
    absentees: [idOf(m.absent)],
  });
  await post(`/meetings/${id}/officers`, {
    chairId: idOf(m.chair),
    secretaryId: idOf(m.secretary),
    adjusterIds: m.adjusters.map(idOf),
  });
  await post(`/meetings/${id}/decisions`, { subject: m.ownItem, decision: m.decision, kind: "budget", paragraph: 2 });
  await post(`/meetings/${id}/comments`, { topic: m.ownItem, comment: m.comment });
  const last = await post(`/meetings/${id}/next-steps`, { text: m.nextStep, ownerId: idOf(m.secretary), due: m.nextStepDue });
  // The read models hold every write before a page reads them.
  await get(`/meetings/${id}?minPosition=${last.position}`);
  return { path: `/moten/${id}`, candidateTitle: candidate!.title };
}
