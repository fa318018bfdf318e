import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  eventually,
  expectAccessible,
  launchChromium,
  newContext,
  policyViolations,
  signInAs,
  watchPolicyViolations,
} from "../support/browser.js";
import { type MandatServer, startServer } from "../support/mandat-server.js";

/**
 * Issue 13, meetings, in a real browser on the demo, part 2: a meeting held with a chair, a
 * secretary and two adjusters, a decision under its §, a comment and a next step (written
 * through the API as the chair: part 1, meetings.e2e.spec.ts, writes them through the pages);
 * each adjuster signs in as themselves and adjusts, which approves the minutes; the minutes
 * print as a Swedish protocol without the menu; the pages in English. axe-core on each.
 */
const FOCUS_AREA = "alla-barn-och-unga-lyckas";
const CHAIR = "Deltagare Västerås 1";
const SECRETARY = "Deltagare Västerås 2";
const ADJUSTERS = ["Deltagare Eskilstuna 1", "Deltagare MDU 1"] as const;
const ABSENT = "Frånvarande 1";
const OWN_ITEM = "Budget 2027";
const DECISION = "Budgeten för 2027 godkänns som den föreslogs.";
const COMMENT = "Mer underlag om tidigare år behövs för att besluta bättre.";
const NEXT_STEP = "Förankra budgeten i varje organisation.";
const BROWSER_TIMEOUT_MS = 90_000;

let server: MandatServer;
let browser: Browser;
let meetingPath = "";
let candidateTitle = "";

const heading = (page: Page, name: string | RegExp) => page.getByRole("heading", { level: 1, name });

const switchLanguage = async (page: Page, to: "In English" | "På svenska") => {
  await page.getByRole("button", { name: to }).click();
  await eventually(() => page.locator("html").getAttribute("lang")).toBe(to === "In English" ? "en" : "sv");
};

/** A write through the API as the page's signed-in person: session cookie and CSRF header, as the app sends them. */
async function post(page: Page, path: string, body: unknown): Promise<{ id: string; position: number }> {
  const csrf = (await page.context().cookies()).find((cookie) => cookie.name === "mandat-csrf")?.value ?? "";
  const response = await page.request.post(`${server.url}/api/v1${path}`, { data: body, headers: { "x-csrf-token": csrf } });
  expect(response.status(), await response.text()).toBeLessThan(300);
  return (await response.json()) as { id: string; position: number };
}

async function get<T>(page: Page, path: string): Promise<T> {
  const response = await page.request.get(`${server.url}/api/v1${path}`);
  expect(response.status(), await response.text()).toBe(200);
  return (await response.json()) as T;
}

/** The chair plans, holds and keeps the minutes of a meeting through the API, signed in on the development sign-in's API. */
async function holdMeeting(page: Page): Promise<void> {
  const listed = await page.request.get(`${server.url}/auth/development/people`);
  const subject = ((await listed.json()) as Array<{ subject: string; name: string }>).find(
    (entry) => entry.name === CHAIR,
  )!.subject;
  expect((await page.request.post(`${server.url}/auth/development/sign-in`, { data: { subject } })).status()).toBe(204);
  const people = await get<Array<{ id: string; name: string }>>(page, "/people?limit=200");
  const idOf = (name: string) => people.find((person) => person.name === name)!.id;
  const [candidate] = await get<Array<{ title: string; source: unknown }>>(page, `/agenda-candidates?focusArea=${FOCUS_AREA}`);
  candidateTitle = candidate!.title;
  const { id } = await post(page, "/meetings/planned", {
    body: "core-team",
    focusArea: FOCUS_AREA,
    plannedOn: "2026-11-20",
    agenda: [{ title: candidate!.title, source: candidate!.source }, { title: OWN_ITEM }],
  });
  meetingPath = `/moten/${id}`;
  await post(page, `/meetings/${id}/held`, {
    heldOn: "2026-11-20",
    attendees: [CHAIR, SECRETARY, ...ADJUSTERS].map(idOf),
    absentees: [idOf(ABSENT)],
  });
  await post(page, `/meetings/${id}/officers`, {
    chairId: idOf(CHAIR),
    secretaryId: idOf(SECRETARY),
    adjusterIds: ADJUSTERS.map(idOf),
  });
  await post(page, `/meetings/${id}/decisions`, { subject: OWN_ITEM, decision: DECISION, kind: "budget", paragraph: 2 });
  await post(page, `/meetings/${id}/comments`, { topic: OWN_ITEM, comment: COMMENT });
  const last = await post(page, `/meetings/${id}/next-steps`, { text: NEXT_STEP, ownerId: idOf(SECRETARY), due: "2027-01-31" });
  // The read models have every write before a page reads them.
  await get(page, `/meetings/${id}?minPosition=${last.position}`);
}

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer({ secret: null }), launchChromium()]);
  const context = await newContext(browser);
  await holdMeeting(await context.newPage());
  await context.close();
}, BROWSER_TIMEOUT_MS);

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

describe("the minutes of a meeting in the web app", () => {
  it(
    "are read in English on the meeting page, and the meetings and the plan form are in English too",
    async () => {
      const context = await newContext(browser);
      const page = await context.newPage();
      await signInAs(page, server.url, CHAIR);
      await page.goto(`${server.url}${meetingPath}`);
      await eventually(() => heading(page, "Core Team, 20 november 2026").isVisible()).toBe(true);
      await switchLanguage(page, "In English");
      await eventually(() => heading(page, "Core Team, 20 November 2026").isVisible()).toBe(true);
      const adjustment = page.getByRole("region", { name: "Adjustment" });
      await eventually(() => adjustment.getByText(`${ADJUSTERS[0]} has not adjusted the minutes yet.`).isVisible()).toBe(true);
      expect(await page.getByRole("region", { name: "Decisions" }).getByText(DECISION).isVisible()).toBe(true);
      await expectAccessible(page, "a held meeting (en)");

      await page.getByRole("link", { name: "Back to meetings" }).click();
      await eventually(() => heading(page, "Meetings").isVisible()).toBe(true);
      const held = page.getByRole("region", { name: "Meetings held" });
      await eventually(() => held.getByText("Status: Held, the minutes are not approved").first().isVisible()).toBe(true);
      await expectAccessible(page, "the meetings (en)");
      // The demo's next meeting is planned: its page offers the form to say it was held.
      await page.getByRole("region", { name: "Planned meetings" }).getByRole("link").first().click();
      await eventually(() => page.getByRole("heading", { level: 2, name: "The meeting was held" }).isVisible()).toBe(true);
      await expectAccessible(page, "a planned meeting (en)");
      await page.getByRole("link", { name: "Back to meetings" }).click();
      await page.getByRole("link", { name: "Plan a meeting" }).click();
      await eventually(() => page.locator("#chosen label.checkbox").first().isVisible()).toBe(true);
      await expectAccessible(page, "the plan form (en)");
      await context.close();
    },
    BROWSER_TIMEOUT_MS,
  );

  it(
    "are adjusted by each adjuster signed in as themselves, which approves them",
    async () => {
      for (const [index, adjuster] of ADJUSTERS.entries()) {
        const context = await newContext(browser);
        const page = await context.newPage();
        await signInAs(page, server.url, adjuster);
        await page.goto(`${server.url}${meetingPath}`);
        const adjustment = page.getByRole("region", { name: "Justering" });
        await eventually(() => adjustment.getByRole("button", { name: "Justera protokollet" }).isVisible()).toBe(true);
        if (index === 0) await expectAccessible(page, "minutes to adjust (sv)");
        await adjustment.getByRole("button", { name: "Justera protokollet" }).click();
        if (index === 0) {
          await eventually(() => adjustment.getByText("Du har justerat protokollet.").isVisible()).toBe(true);
          await eventually(() => adjustment.getByText(new RegExp(`^${adjuster} justerade protokollet `)).isVisible()).toBe(true);
          // Under adjustment the minutes take no more decisions: the forms are gone.
          expect(await page.getByRole("button", { name: "Spara beslutet" }).count()).toBe(0);
        } else {
          await eventually(() => page.getByText(/^Protokollet godkändes \d+ \S+ \d{4}\./).isVisible()).toBe(true);
          expect(await page.getByText("Status: Protokollet är godkänt").isVisible()).toBe(true);
          await expectAccessible(page, "approved minutes (sv)");
        }
        await context.close();
      }
    },
    BROWSER_TIMEOUT_MS,
  );

  it(
    "print as a Swedish protocol, without the menu, and read in English",
    async () => {
      const context = await newContext(browser);
      const page = await context.newPage();
      await watchPolicyViolations(page);
      await signInAs(page, server.url, SECRETARY);
      await page.goto(`${server.url}${meetingPath}`);
      await page.getByRole("link", { name: "Läs protokollet" }).click();
      await eventually(() => heading(page, "Protokoll").isVisible()).toBe(true);
      const protocol = page.getByRole("article");
      expect(await protocol.getByText("Core Team – Alla barn och unga lyckas").isVisible()).toBe(true);
      expect(await protocol.getByRole("heading", { name: "Närvarande" }).isVisible()).toBe(true);
      await eventually(() => protocol.getByText(ABSENT, { exact: true }).isVisible()).toBe(true);
      expect(await protocol.getByRole("region", { name: `§ 1 ${candidateTitle}` }).isVisible()).toBe(true);
      const paragraph = protocol.getByRole("region", { name: `§ 2 ${OWN_ITEM}` });
      expect(await paragraph.getByText(`Beslut: ${DECISION}`).isVisible()).toBe(true);
      expect(await paragraph.getByRole("listitem").filter({ hasText: COMMENT }).isVisible()).toBe(true);
      expect(await protocol.getByText(`${NEXT_STEP} – Ansvarig: ${SECRETARY} – Klart senast: 31 januari 2027`).isVisible()).toBe(
        true,
      );
      const signatures = protocol.getByRole("region", { name: "Underskrifter" });
      expect(await signatures.getByText("Justeras", { exact: true }).count()).toBe(2);
      expect(await signatures.getByText(/^Justerat /).count()).toBe(2);
      expect(await page.getByRole("button", { name: "Skriv ut" }).isVisible()).toBe(true);
      await expectAccessible(page, "the minutes (sv)");

      await page.emulateMedia({ media: "print" });
      expect(await page.getByRole("banner").isVisible()).toBe(false);
      expect(await page.getByRole("navigation").isVisible()).toBe(false);
      expect(await page.getByRole("button", { name: "Skriv ut" }).isVisible()).toBe(false);
      expect(await protocol.isVisible()).toBe(true);
      // A § is not split across pages.
      expect(await page.evaluate<string>("getComputedStyle(document.querySelector('.protocol-paragraph')).breakInside")).toBe(
        "avoid",
      );
      const pdf = await page.pdf({ format: "A4" });
      expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
      await page.emulateMedia({ media: "screen" });

      await switchLanguage(page, "In English");
      await eventually(() => heading(page, "Minutes").isVisible()).toBe(true);
      expect(await protocol.getByRole("heading", { name: "Present" }).isVisible()).toBe(true);
      expect(await page.getByRole("button", { name: "Print" }).isVisible()).toBe(true);
      await expectAccessible(page, "the minutes (en)");
      expect(await policyViolations(page)).toEqual([]);
      await context.close();
    },
    BROWSER_TIMEOUT_MS,
  );
});
