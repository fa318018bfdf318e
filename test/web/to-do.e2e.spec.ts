import type { Browser, BrowserContext, Page, Request } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually, expectAccessible, launchChromium, newContext, signInAs } from "../support/browser.js";
import { type MandatServer, startServer } from "../support/mandat-server.js";
import { type SessionApi, sessionApi } from "../support/web-session-api.js";

/**
 * Att göra / To do in a real browser, on the demo data plus what the demo lacks, made here
 * through the API: an initiative never checked in with, minutes the Core Team member must
 * adjust, and a next step they own that is overdue. Then the live feed: a signal a lead
 * submits elsewhere appears on the open page without a reload.
 */
const CORE_TEAM_MEMBER = "Deltagare Västerås 1";
const OTHER_ADJUSTER = "Deltagare Västerås 2";
const LEAD = "Initiativledare Årby/Fröslunda";
const LEADS_INITIATIVE = "Testbädd Årby/Fröslunda";
const NEVER_HELD = "Öppen fritidsgård Råby";
const NEXT_STEP = "Skriv underlaget om lokalerna till nästa möte.";
const BROWSER_TIMEOUT_MS = 60_000;

let server: MandatServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let meetingId: string;

/** Signs in outside a test (signInAs waits with expect.poll, which only runs inside one). */
async function signIn(target: Page, name: string): Promise<void> {
  await target.goto(`${server.url}/logga-in`);
  await target.getByRole("button", { name: `Logga in som ${name}` }).click();
  await target.getByRole("heading", { level: 1, name: "Att göra" }).waitFor();
}

async function madeByTheCoreTeam(api: SessionApi): Promise<void> {
  const me = await api.get<{ person: { id: string; organisationId: string } }>("/api/v1/me");
  const people = await api.get<Array<{ subject: string; name: string }>>("/auth/development/people");
  const other = people.find((person) => person.name === OTHER_ADJUSTER)!.subject;
  await api.post("/api/v1/initiatives", {
    name: NEVER_HELD,
    focusArea: "alla-barn-och-unga-lyckas",
    description: "",
    organisationIds: [me.person.organisationId],
  });
  meetingId = (
    await api.post("/api/v1/meetings", {
      body: "core-team",
      focusArea: "alla-barn-och-unga-lyckas",
      heldOn: "2025-06-12",
      attendees: [me.person.id, other],
      absentees: [],
      agenda: ["Lokaler"],
    })
  ).id;
  await api.post(`/api/v1/meetings/${meetingId}/officers`, {
    chairId: other,
    secretaryId: me.person.id,
    adjusterIds: [me.person.id, other],
  });
  await api.post(`/api/v1/meetings/${meetingId}/next-steps`, { text: NEXT_STEP, ownerId: me.person.id, due: "2025-07-01" });
}

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer({ secret: null }), launchChromium()]);
  context = await newContext(browser);
  page = await context.newPage();
  await signIn(page, CORE_TEAM_MEMBER);
  await madeByTheCoreTeam(sessionApi(context, server.url));
}, BROWSER_TIMEOUT_MS);

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

const section = (target: Page, name: string | RegExp) => target.getByRole("region", { name });

describe("To do", () => {
  it(
    "shows a Core Team member each section with its count: check-ins, signals, next steps, minutes, mandates",
    async () => {
      await page.goto(server.url);
      const checkIns = section(page, /^Avstämningar att hålla \(\d+\)$/);
      await eventually(() => checkIns.getByRole("link", { name: NEVER_HELD }).isVisible()).toBe(true);
      expect(await checkIns.getByRole("listitem").filter({ hasText: NEVER_HELD }).textContent()).toMatch(
        /Ingen avstämning hållen än/,
      );

      const signals = section(page, /^Signaler som väntar på svar \(\d+\)$/);
      await eventually(() => signals.getByRole("listitem").count()).toBeGreaterThan(0);
      const answer = signals.getByRole("link", { name: /^Svara på signalen: / }).first();
      expect(await answer.getAttribute("href")).toMatch(/^\/inkorg\/[^/]+$/);

      const steps = section(page, "Dina nästa steg (1)");
      await eventually(() => steps.getByText(NEXT_STEP).isVisible()).toBe(true);
      expect(await steps.getByText("Försenat: skulle vara klart 1 juli 2025").isVisible()).toBe(true);
      expect(await steps.getByRole("link", { name: "Beslutat på mötet 12 juni 2025" }).getAttribute("href")).toBe(
        `/moten/${meetingId}`,
      );

      const minutes = section(page, "Protokoll du ska justera (1)");
      await eventually(() => minutes.getByRole("link", { name: "Mötet 12 juni 2025" }).getAttribute("href")).toBe(
        `/moten/${meetingId}`,
      );

      const mandates = section(page, "Mandat som löper ut inom 60 dagar (1)");
      await eventually(() => mandates.getByRole("link", { name: LEADS_INITIATIVE }).isVisible()).toBe(true);
      await expectAccessible(page, "To do for the Core Team (sv)");

      await page.getByRole("button", { name: "In English" }).click();
      await eventually(() => section(page, "Your next steps (1)").getByText("Overdue: due 1 July 2025").isVisible()).toBe(true);
      // Each read again in English: the sections come back one by one.
      await eventually(() => section(page, "Minutes you must adjust (1)").isVisible()).toBe(true);
      await eventually(() => section(page, /^Check-ins to hold \(\d+\)$/).isVisible()).toBe(true);
      await expectAccessible(page, "To do for the Core Team (en)");
      await page.getByRole("button", { name: "På svenska" }).click();
      await eventually(() => page.getByRole("heading", { level: 1, name: "Att göra" }).isVisible()).toBe(true);
    },
    BROWSER_TIMEOUT_MS,
  );

  it(
    "shows a lead their initiative's check-in, their next step and their mandate ending, and nothing of the Core Team's",
    async () => {
      const leadContext = await newContext(browser);
      const leadPage = await leadContext.newPage();
      await signInAs(leadPage, server.url, LEAD);
      const own = section(leadPage, "Dina initiativ och nästa avstämning (1)");
      await eventually(() => own.getByText(/^Nästa avstämning: /).isVisible()).toBe(true);
      expect(await own.getByRole("link", { name: "För in en avstämning" }).isVisible()).toBe(true);
      const steps = section(leadPage, "Dina nästa steg (1)");
      await eventually(() => steps.getByText(/^Utvärderingen av Testbädd Årby\/Fröslunda/).isVisible()).toBe(true);
      expect(await section(leadPage, "Mandat som löper ut inom 60 dagar (1)").getByRole("link").textContent()).toBe(
        LEADS_INITIATIVE,
      );
      expect(await section(leadPage, /^Signaler som väntar på svar/).count()).toBe(0);
      expect(await section(leadPage, /^Protokoll du ska justera/).count()).toBe(0);
      await expectAccessible(leadPage, "To do for a lead (sv)");
      await leadContext.close();
    },
    BROWSER_TIMEOUT_MS,
  );

  it(
    "a page whose code cannot be fetched (server out of reach, a new version deployed) says so under the menu, and loads again",
    async () => {
      const failing = await newContext(browser);
      const target = await failing.newPage();
      await signIn(target, CORE_TEAM_MEMBER);
      // The meetings page's code, loaded on its first visit, as after a deploy that renamed it.
      await target.route(/\/assets\/MeetingsPage-[^/]*\.js$/, (route) => route.fulfill({ status: 404, body: "" }));
      await target.getByRole("navigation").getByRole("link", { name: "Möten" }).click();
      const failed = target.getByRole("alert").filter({ hasText: "Sidan kunde inte visas" });
      await eventually(() => failed.isVisible()).toBe(true);
      expect(await target.getByRole("navigation").getByRole("link", { name: "Att göra" }).isVisible()).toBe(true);
      await expectAccessible(target, "a page that could not load (sv)");
      // Another page loads as ever; back on this one, reloading fetches its code afresh.
      await target.getByRole("navigation").getByRole("link", { name: "Att göra" }).click();
      await eventually(() => target.getByRole("heading", { level: 1, name: "Att göra" }).isVisible()).toBe(true);
      await target.unroute(/\/assets\/MeetingsPage-[^/]*\.js$/);
      await target.goBack();
      await eventually(() => failed.isVisible()).toBe(true);
      await failed.getByRole("button", { name: "Ladda om sidan" }).click();
      await eventually(() => target.getByRole("heading", { level: 1, name: "Möten" }).isVisible()).toBe(true);
      await failing.close();
    },
    BROWSER_TIMEOUT_MS,
  );

  it(
    "shows a signal a lead submits elsewhere without a reload, through the live feed, closed on sign-out",
    async () => {
      // The live feeds the page holds open: one while signed in, none once signed out.
      const openFeeds = new Set<Request>();
      page.on("request", (request) => {
        if (request.url().endsWith("/api/v1/events/live")) openFeeds.add(request);
      });
      const ended = (request: Request) => openFeeds.delete(request);
      page.on("requestfailed", ended);
      page.on("requestfinished", ended);
      await page.goto(server.url);
      const signals = section(page, /^Signaler som väntar på svar \(\d+\)$/);
      await eventually(() => signals.getByRole("listitem").count()).toBeGreaterThan(0);
      const before = await signals.getByRole("listitem").count();
      // Set on this very document: still there afterwards only if the page was never reloaded.
      await page.evaluate("window.notReloaded = true");

      const leadContext = await newContext(browser);
      const leadPage = await leadContext.newPage();
      await signInAs(leadPage, server.url, LEAD);
      const lead = sessionApi(leadContext, server.url);
      const [initiative] = (await lead.get<{ initiatives: Array<{ id: string }> }>("/api/v1/me")).initiatives;
      const summary = "Föräldrarna vill ha kvällstider i testbädden";
      await lead.post("/api/v1/signals", {
        initiativeId: initiative!.id,
        kind: "need",
        summary,
        mandatePosition: "at-edge",
        observedOn: "2026-01-15",
      });

      await eventually(() => signals.getByText(summary).isVisible()).toBe(true);
      expect(await signals.getByRole("listitem").count()).toBe(before + 1);
      expect(await page.getByRole("heading", { level: 2, name: `Signaler som väntar på svar (${before + 1})` }).isVisible()).toBe(
        true,
      );
      expect(await page.evaluate("window.notReloaded")).toBe(true);
      expect(openFeeds.size).toBe(1);
      await leadContext.close();

      await page.getByRole("button", { name: "Logga ut" }).click();
      await eventually(() => page.getByRole("heading", { level: 1, name: "Logga in (utveckling)" }).isVisible()).toBe(true);
      await eventually(async () => openFeeds.size).toBe(0);
    },
    BROWSER_TIMEOUT_MS,
  );
});
