import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually, expectAccessible, launchChromium, newContext, signInAs, tabTo } from "../support/browser.js";
import { type MandatServer, startServer } from "../support/mandat-server.js";

/**
 * Issue 14, the time machine, in a real browser on the demo: an auditor opens Drömfabriken i
 * Skultuna in force on 20 October 2024 as known on 1 November 2024 (the first scope), then as
 * known after the November meeting (recorded 14 November) widened it from 15 October; the
 * address holds both, and a fresh page (a Core Team member's, without the forms then) shows
 * the same. The portfolio, the decision log and minutes before their approval, in the past.
 * axe-core on each page in Swedish and English; the controls reflow at 320 px.
 */
const AUDITOR = "Revisor (utveckling)";
const CORE_TEAM = "Deltagare Västerås 1";
const BROWSER_TIMEOUT_MS = 90_000;

// GET /api/v1/initiatives/{id}/mandates: the scope granted in June, and as amended in November from 15 October.
const FIRST_SCOPE = ["Driva mötesplatsen och dess program", "Samarbeta med föreningar i Skultuna"];
const WIDENED_SCOPE = [
  "Driva mötesplatsen och dess program, även över loven",
  "Samarbeta med föreningar i Skultuna",
  "Låta barnens projekt löpa över terminsgränsen",
];

let server: MandatServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer({ secret: null }), launchChromium()]);
}, BROWSER_TIMEOUT_MS);

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

const heading = (page: Page, name: string | RegExp) => page.getByRole("heading", { level: 1, name });

const switchLanguage = async (page: Page, to: "In English" | "På svenska") => {
  await page.getByRole("button", { name: to }).click();
  await eventually(() => page.locator("html").getAttribute("lang")).toBe(to === "In English" ? "en" : "sv");
};

/** The scope's clause texts in the mandate letter, without the signal counts beside them. */
const scopeOf = (page: Page): Promise<string[]> =>
  page
    .locator(".mandate-letter .clause")
    .evaluateAll((clauses: any[]) =>
      clauses
        .filter((clause) => clause.querySelector("dt").textContent.startsWith("S"))
        .map((clause) => clause.querySelector("dd").firstChild.textContent.trim()),
    );

const timeOf = (url: string) => {
  const query = new URL(url).searchParams;
  return { galler: query.get("galler"), kant: query.get("kant") };
};

/** The auditor's page, signed in once, and Drömfabriken's address. */
let auditor: Page;
let initiativePath = "";

describe("the time machine", () => {
  it(
    "shows an initiative as it was in force on a day as known at an instant, and keeps both in the address",
    async () => {
      const context = await newContext(browser);
      auditor = await context.newPage();
      await signInAs(auditor, server.url, AUDITOR);
      const initiatives = (await (await auditor.request.get(`${server.url}/api/v1/initiatives`)).json()) as Array<{
        id: string;
        name: string;
      }>;
      initiativePath = `/initiativ/${initiatives.find((each) => each.name === "Drömfabriken i Skultuna")!.id}`;

      await auditor.goto(`${server.url}${initiativePath}`);
      await eventually(() => heading(auditor, "Drömfabriken i Skultuna").isVisible()).toBe(true);
      await eventually(() => scopeOf(auditor)).toContain("Låta barnens projekt löpa över terminsgränsen");
      expect(await auditor.getByRole("status").filter({ hasText: "Du ser initiativet" }).count()).toBe(0);

      // A date that is none: said under the field, which takes focus; nothing is shown.
      const at = auditor.getByRole("textbox", { name: "Gällande den" });
      const asOf = auditor.getByRole("textbox", { name: "Som det var känt den" });
      await at.fill("2024-10-32");
      await auditor.getByRole("button", { name: "Visa", exact: true }).click();
      await eventually(() => auditor.getByText("Skriv ett datum som finns").isVisible()).toBe(true);
      expect(await at.evaluate((input: any) => input === (globalThis as any).document.activeElement)).toBe(true);
      expect(timeOf(auditor.url()).galler).toBeNull();
      await at.fill("");

      // "Gällande den" by keyboard alone: Tab to it, type, Tab on to "Som det var känt den", Enter.
      // (From the heading: a click there starts the Tab order at it; the field's label alone names it.)
      await auditor.locator("h1").click();
      await tabTo(auditor, /^\s*Gällande den\s*$/, 60);
      await auditor.keyboard.type("2024-10-20");
      await auditor.keyboard.press("Tab");
      await asOf.fill("2024-11-01 12:00");
      await auditor.keyboard.press("Enter");
      const banner = auditor.getByRole("status").filter({ hasText: "Du ser initiativet" });
      await eventually(() => banner.textContent()).toContain(
        "Du ser initiativet som det gällde den 20 oktober 2024, så som det var känt den 1 november 2024 kl. 12.00.",
      );
      await eventually(() => scopeOf(auditor)).toEqual(FIRST_SCOPE);
      // Focus went to the banner that says which time is shown: the keyboard goes on from there.
      await eventually(() => auditor.evaluate<string>('document.activeElement?.className ?? ""')).toContain("past-banner");
      expect(timeOf(auditor.url())).toEqual({ galler: "2024-10-20", kant: "2024-11-01T12:00" });
      await expectAccessible(auditor, "the initiative in the past (sv)");

      // As known after the November meeting recorded the amendment from 15 October: the widened scope.
      await asOf.fill("2024-11-15 12:00");
      await auditor.getByRole("button", { name: "Visa", exact: true }).click();
      await eventually(() => scopeOf(auditor)).toEqual(WIDENED_SCOPE);
      await eventually(() => banner.textContent()).toContain("så som det var känt den 15 november 2024 kl. 12.00");
      const url = auditor.url();
      expect(timeOf(url)).toEqual({ galler: "2024-10-20", kant: "2024-11-15T12:00" });

      await switchLanguage(auditor, "In English");
      await eventually(() => auditor.getByRole("status").filter({ hasText: "You are seeing" }).textContent()).toContain(
        "You are seeing the initiative in force on 20 October 2024, as it was known on 15 November 2024 at 12:00.",
      );
      await expectAccessible(auditor, "the initiative in the past (en)");
      // Reflow at 320 px: the controls and the banner fit without scrolling sideways.
      await auditor.setViewportSize({ width: 320, height: 800 });
      expect(await auditor.evaluate<number>("document.documentElement.scrollWidth")).toBeLessThanOrEqual(320);
      await auditor.setViewportSize({ width: 1280, height: 720 });
      await switchLanguage(auditor, "På svenska");

      // The address alone, in a fresh page of a Core Team member: the same past, and no forms in it.
      const other = await newContext(browser);
      const coreTeam = await other.newPage();
      await signInAs(coreTeam, server.url, CORE_TEAM);
      await coreTeam.goto(url);
      await eventually(() => scopeOf(coreTeam)).toEqual(WIDENED_SCOPE);
      await eventually(() => coreTeam.getByRole("status").filter({ hasText: "Du ser initiativet" }).isVisible()).toBe(true);
      expect(await coreTeam.getByRole("navigation", { name: "Gör något för initiativet" }).count()).toBe(0);
      // Back to today: the forms again, and the mandate in force now.
      await coreTeam.getByRole("link", { name: "Tillbaka till idag" }).click();
      await eventually(() => coreTeam.getByRole("navigation", { name: "Gör något för initiativet" }).isVisible()).toBe(true);
      expect(timeOf(coreTeam.url())).toEqual({ galler: null, kant: null });
      await other.close();
    },
    BROWSER_TIMEOUT_MS,
  );

  it(
    "refuses to show a page for a time the address names but that cannot be read, and offers today's",
    async () => {
      const page = auditor;
      await page.goto(`${server.url}${initiativePath}?galler=2024-02-30&kant=2024-11-01%2025%3A00`);
      const unreadable = page.getByRole("alert").filter({ hasText: "Länken anger en tid som inte kan läsas" });
      await eventually(() => unreadable.isVisible()).toBe(true);
      expect(await unreadable.getByRole("listitem").allTextContents()).toEqual([
        "Gällande den: 2024-02-30",
        "Som det var känt den: 2024-11-01 25:00",
      ]);
      expect(await page.getByRole("heading", { name: "Drömfabriken i Skultuna" }).count()).toBe(0);
      await expectAccessible(page, "a time that cannot be read (sv)");
      // A decision-log period that is no date: the way on drops it too, to the log of today.
      await page.goto(`${server.url}/beslut?fran=2024-13-45&till=2024-12-31`);
      await eventually(() => unreadable.isVisible()).toBe(true);
      await unreadable.getByRole("link", { name: "visa sidan som den är i dag" }).click();
      await eventually(() => heading(page, "Beslutslogg").isVisible()).toBe(true);
      expect(new URL(page.url()).search).toBe("?till=2024-12-31");
      // An id no one has, or one that is no id at all: nothing at this address, said plainly.
      for (const id of ["01a23ee7-0000-7000-8000-000000000000", "inte-ett-id"]) {
        await page.goto(`${server.url}/initiativ/${id}`);
        await eventually(() =>
          page.getByRole("alert").filter({ hasText: "Det finns inget med den här adressen" }).isVisible(),
        ).toBe(true);
      }
      await page.goto(`${server.url}${initiativePath}?galler=2024-02-30&kant=2024-11-01%2025%3A00`);
      await unreadable.getByRole("link", { name: "visa sidan som den är i dag" }).click();
      await eventually(() => page.getByRole("heading", { level: 1, name: "Drömfabriken i Skultuna" }).isVisible()).toBe(true);
      expect(new URL(page.url()).search).toBe("");
    },
    BROWSER_TIMEOUT_MS,
  );

  it(
    "shows the portfolio, the decision log and minutes as known before later meetings",
    async () => {
      const page = auditor;
      // The portfolio, by the address: its links to initiatives keep the time.
      await page.goto(`${server.url}/portfolj?galler=2024-10-20&kant=2024-11-01T12%3A00`);
      await eventually(() => heading(page, "Portfölj").isVisible()).toBe(true);
      await eventually(() => page.getByRole("status").filter({ hasText: "Du ser portföljen" }).textContent()).toContain(
        "Du ser portföljen som den gällde den 20 oktober 2024, så som det var känt den 1 november 2024 kl. 12.00.",
      );
      const link = page.getByRole("link", { name: "Drömfabriken i Skultuna" });
      await eventually(() => link.getAttribute("href")).toBe(`${initiativePath}?galler=2024-10-20&kant=2024-11-01T12%3A00`);
      await expectAccessible(page, "the portfolio in the past (sv)");
      await switchLanguage(page, "In English");
      await eventually(() => page.getByRole("status").filter({ hasText: "You are seeing the portfolio" }).isVisible()).toBe(true);
      await expectAccessible(page, "the portfolio in the past (en)");
      await switchLanguage(page, "På svenska");

      // The decision log from the menu (today), then in force on 20 October as known on 1 November.
      await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Beslut" }).click();
      await eventually(() => heading(page, "Beslutslogg").isVisible()).toBe(true);
      await eventually(() => page.getByRole("heading", { name: "Drömfabrikens mandat" }).isVisible()).toBe(true);
      await page.getByRole("textbox", { name: "Gällande den" }).fill("2024-10-20");
      await page.getByRole("textbox", { name: "Som det var känt den" }).fill("2024-11-01 12:00");
      await page.getByRole("button", { name: "Visa", exact: true }).click();
      await eventually(() => page.getByRole("heading", { name: "Drömfabrikens mandat" }).count()).toBe(0);
      await eventually(() => page.getByRole("heading", { name: "§ 2 Budget 2025" }).isVisible()).toBe(true);
      expect(await page.getByRole("heading", { name: "Mandat för initiativen", exact: true }).isVisible()).toBe(true);
      expect(await page.getByText("2024/1", { exact: true }).isVisible()).toBe(true);
      await eventually(() => page.getByRole("status").filter({ hasText: "Du ser beslutsloggen" }).isVisible()).toBe(true);
      await expectAccessible(page, "the decision log in the past (sv)");

      // As known on 15 November (no date in force): the November decision, and a period around it.
      await page.getByRole("textbox", { name: "Gällande den" }).fill("");
      await page.getByRole("textbox", { name: "Som det var känt den" }).fill("2024-11-15 12:00");
      await page.getByRole("button", { name: "Visa", exact: true }).click();
      await eventually(() => page.getByRole("heading", { name: "Drömfabrikens mandat" }).isVisible()).toBe(true);
      await page.getByRole("textbox", { name: "Möten från och med" }).fill("2024-09-01");
      await page.getByRole("button", { name: "Visa perioden" }).click();
      // The period's list once read: without the earlier meeting's decision, with September's
      // (both headings are gone while it is being read).
      await eventually(
        async () =>
          (await page.getByRole("heading", { name: "Mandat för initiativen", exact: true }).count()) === 0 &&
          (await page.getByRole("heading", { name: "§ 2 Budget 2025" }).isVisible()),
      ).toBe(true);
      expect(timeOf(page.url()).kant).toBe("2024-11-15T12:00");
      await switchLanguage(page, "In English");
      await eventually(() => heading(page, "Decision log").isVisible()).toBe(true);
      await expectAccessible(page, "the decision log in the past (en)");
      await switchLanguage(page, "På svenska");

      // The November minutes as known the day after the meeting: not yet approved (they were on 21 November).
      await page.getByRole("link", { name: "Läs protokollet från 14 november 2024" }).click();
      await eventually(() => page.getByText("Protokollet är inte godkänt.").isVisible()).toBe(true);
      await eventually(() => page.getByRole("status").filter({ hasText: "Du ser protokollet" }).textContent()).toContain(
        "Du ser protokollet så som det var känt den 15 november 2024 kl. 12.00.",
      );
      await expectAccessible(page, "the minutes in the past (sv)");
      await switchLanguage(page, "In English");
      await eventually(() => page.getByText("The minutes are not approved.").isVisible()).toBe(true);
      await expectAccessible(page, "the minutes in the past (en)");
      await page.getByRole("button", { name: "Back to today" }).click();
      await eventually(() => page.getByText("The minutes were approved on 21 November 2024.").isVisible()).toBe(true);
      await switchLanguage(page, "På svenska");
    },
    BROWSER_TIMEOUT_MS,
  );
});
