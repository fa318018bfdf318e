import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually, expectAccessible, launchChromium, newContext, signInAs, tabTo } from "../support/browser.js";
import { type MandatServer, startServer } from "../support/mandat-server.js";
import { sessionApi } from "../support/web-session-api.js";

/**
 * The Core Team's portfolio in a real browser, on the demo data plus two initiatives made
 * here: one never checked in with, one whose check-in is overdue. Their names start with Ä
 * and Ö, which sort last in Swedish (and among the others in English).
 */
const CORE_TEAM_MEMBER = "Deltagare Västerås 1";
const LEAD = "Initiativledare Drömfabriken";
const NEVER_HELD = "Öppen fritidsgård Råby";
const OVERDUE = "Ängsklubben";
const BROWSER_TIMEOUT_MS = 60_000;

let server: MandatServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer({ secret: null }), launchChromium()]);
  context = await newContext(browser);
  page = await context.newPage();
  // signInAs waits with expect.poll, which only runs inside a test: the same clicks, waited for here.
  await page.goto(`${server.url}/logga-in`);
  await page.getByRole("button", { name: `Logga in som ${CORE_TEAM_MEMBER}` }).click();
  await page.getByRole("heading", { level: 1, name: "Att göra" }).waitFor();
  const api = sessionApi(context, server.url);
  const me = await api.get<{ person: { id: string; organisationId: string } }>("/api/v1/me");
  const register = (name: string) =>
    api.post("/api/v1/initiatives", {
      name,
      focusArea: "alla-barn-och-unga-lyckas",
      description: "",
      organisationIds: [me.person.organisationId],
    });
  await register(NEVER_HELD);
  const overdue = await register(OVERDUE);
  await api.post(`/api/v1/initiatives/${overdue.id}/check-ins`, {
    heldOn: "2025-01-10",
    participants: [me.person.id],
    mandateClarity: 3,
    confidence: 3,
    leadershipNeeded: "as-is",
    notes: "",
    nextCheckInOn: "2025-02-10",
  });
}, BROWSER_TIMEOUT_MS);

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

const table = () => page.getByRole("table", { name: /^(Öppna initiativ|Open initiatives)/ });
const rowNames = () => table().locator("tbody th").allTextContents();
const rowOf = (name: string) =>
  table()
    .getByRole("row")
    .filter({ has: page.getByRole("link", { name, exact: true }) });
const columnHeader = (name: string) => table().getByRole("columnheader", { name });

describe("the portfolio", () => {
  it(
    "shows every open initiative with its mandate, check-in, signals and tensions, names in Swedish order",
    async () => {
      await page.goto(`${server.url}/portfolj`);
      await eventually(() => rowNames()).toEqual([
        "Drömfabriken i Skultuna",
        "Testbädd Årby/Fröslunda",
        "Utmaningsdriven utbildning",
        OVERDUE,
        NEVER_HELD,
      ]);
      expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Portfölj");
      const summary = page.getByRole("region", { name: "Översikt" });
      expect(await summary.getByText("5 öppna initiativ").isVisible()).toBe(true);
      expect(await summary.getByText("2 med försenad eller aldrig hållen avstämning").isVisible()).toBe(true);

      expect(await rowOf("Drömfabriken i Skultuna").textContent()).toMatch(/Gäller till/);
      expect(await rowOf("Testbädd Årby/Fröslunda").textContent()).toMatch(/Löper ut .*\(om \d+ dagar?\)/);
      expect(await rowOf("Testbädd Årby/Fröslunda").textContent()).toMatch(/1, högsta intensitet 4, medel 4/);
      expect(await rowOf("Utmaningsdriven utbildning").textContent()).toMatch(/Inget mandat/);
      expect(await rowOf("Utmaningsdriven utbildning").textContent()).toMatch(/1, den äldsta \d+ dagar?/);
      expect(await rowOf(OVERDUE).textContent()).toMatch(/Försenad, skulle hållits 10 februari 2025/);
      expect(await rowOf(NEVER_HELD).textContent()).toMatch(/Aldrig hållen/);
      expect(await columnHeader("Initiativ").getAttribute("aria-sort")).toBe("ascending");
      await expectAccessible(page, "the portfolio (sv)");

      // Reflow: at 320 px only the table scrolls, inside its own region, not the page.
      await page.setViewportSize({ width: 320, height: 640 });
      expect(await page.evaluate<number>("document.documentElement.scrollWidth")).toBeLessThanOrEqual(320);
      await page.setViewportSize({ width: 1280, height: 720 });
    },
    BROWSER_TIMEOUT_MS,
  );

  it(
    "sorts by a column and filters, keeping both in the address, which shows the same view when opened",
    async () => {
      await page.goto(`${server.url}/portfolj`);
      await eventually(() => rowNames()).toHaveLength(5);
      // By keyboard: the column heading's button, then Enter.
      await tabTo(page, /^Avstämning/);
      await page.keyboard.press("Enter");
      await eventually(() => columnHeader("Avstämning").getAttribute("aria-sort")).toBe("ascending");
      expect((await rowNames()).slice(0, 2)).toEqual([OVERDUE, NEVER_HELD]);

      await columnHeader("Mandat").getByRole("button").click();
      await eventually(() => columnHeader("Mandat").getAttribute("aria-sort")).toBe("ascending");
      expect(await columnHeader("Initiativ").getAttribute("aria-sort")).toBe("none");
      // No mandate first (Swedish order among them), then expiring, then in force.
      expect(await rowNames()).toEqual([
        "Utmaningsdriven utbildning",
        OVERDUE,
        NEVER_HELD,
        "Testbädd Årby/Fröslunda",
        "Drömfabriken i Skultuna",
      ]);
      await columnHeader("Mandat").getByRole("button").click();
      await eventually(() => columnHeader("Mandat").getAttribute("aria-sort")).toBe("descending");
      expect((await rowNames())[0]).toBe("Drömfabriken i Skultuna");
      expect(new URL(page.url()).search).toBe("?sortering=mandat&ordning=fallande");

      await page.getByRole("checkbox", { name: "Bara försenade eller aldrig hållna avstämningar" }).check({ force: true });
      await eventually(() => rowNames()).toEqual([OVERDUE, NEVER_HELD]);
      expect(await page.getByRole("status").filter({ hasText: "Visar" }).textContent()).toBe("Visar 2 av 5 initiativ.");
      await page.getByRole("checkbox", { name: "Bara försenade eller aldrig hållna avstämningar" }).uncheck({ force: true });
      await page.getByRole("checkbox", { name: "Bara de som behöver uppmärksamhet" }).check({ force: true });
      await eventually(() => rowNames()).toEqual(["Testbädd Årby/Fröslunda", "Utmaningsdriven utbildning", OVERDUE, NEVER_HELD]);
      await page.getByRole("combobox", { name: "Mandat" }).selectOption({ label: "Löper ut inom 60 dagar" });
      await eventually(() => rowNames()).toEqual(["Testbädd Årby/Fröslunda"]);
      const shared = page.url();
      expect(new URL(shared).searchParams.get("uppmarksamhet")).toBe("ja");
      expect(new URL(shared).searchParams.get("mandat")).toBe("loper-ut");

      // Back undoes the last filter; the shared address opens the same view in a new page.
      await page.goBack();
      await eventually(() => rowNames()).toHaveLength(4);
      const other = await context.newPage();
      await other.goto(shared);
      await eventually(() => other.locator("tbody th").allTextContents()).toEqual(["Testbädd Årby/Fröslunda"]);
      expect(await other.getByRole("checkbox", { name: "Bara de som behöver uppmärksamhet" }).isChecked()).toBe(true);
      await other.close();
    },
    BROWSER_TIMEOUT_MS,
  );

  it(
    "speaks English, sorted by signals from the most",
    async () => {
      await page.goto(`${server.url}/portfolj?sortering=signaler&ordning=fallande`);
      await page.getByRole("button", { name: "In English" }).click();
      await eventually(() => page.getByRole("heading", { level: 1, name: "Portfolio" }).isVisible()).toBe(true);
      expect(await columnHeader("Unanswered signals").getAttribute("aria-sort")).toBe("descending");
      expect((await rowNames())[0]).toBe("Utmaningsdriven utbildning");
      expect(await rowOf(NEVER_HELD).textContent()).toMatch(/Never held/);
      await expectAccessible(page, "the portfolio (en)");
      await page.getByRole("button", { name: "På svenska" }).click();
      await eventually(() => page.getByRole("heading", { level: 1, name: "Portfölj" }).isVisible()).toBe(true);
    },
    BROWSER_TIMEOUT_MS,
  );

  it(
    "tells anyone but the Core Team that it is theirs",
    async () => {
      const leadContext = await newContext(browser);
      const leadPage = await leadContext.newPage();
      await signInAs(leadPage, server.url, LEAD);
      await leadPage.goto(`${server.url}/portfolj`);
      await eventually(() =>
        leadPage.getByText(/^Portföljen är för Core Team, revisorer och administratörer\./).isVisible(),
      ).toBe(true);
      expect(await leadPage.getByRole("table").count()).toBe(0);
      await expectAccessible(leadPage, "the portfolio for a lead (sv)");
      await leadContext.close();
    },
    BROWSER_TIMEOUT_MS,
  );
});
