import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  eventually,
  expectAccessible,
  launchChromium,
  newContext,
  policyViolations,
  signInAs,
  tabTo,
  watchPolicyViolations,
} from "../support/browser.js";
import { DEMO_MEETING as M, type HeldDemoMeeting, holdDemoMeeting } from "../support/demo-meeting.js";
import { type MandatServer, startServer } from "../support/mandat-server.js";

/**
 * Issue 13, meetings, in a real browser on the demo, part 2: a meeting held with a chair, a
 * secretary and two adjusters, a decision under its §, a comment and a next step (written
 * through the API: part 1, meetings.e2e.spec.ts, writes them through the pages); each
 * adjuster signs in as themselves and adjusts, which approves the minutes; the minutes print
 * as a Swedish protocol without the menu, and read in English. axe-core on each page.
 */
const BROWSER_TIMEOUT_MS = 90_000;

let server: MandatServer;
let browser: Browser;
let meeting: HeldDemoMeeting;

const heading = (page: Page, name: string | RegExp) => page.getByRole("heading", { level: 1, name });

const switchLanguage = async (page: Page, to: "In English" | "På svenska") => {
  await page.getByRole("button", { name: to }).click();
  await eventually(() => page.locator("html").getAttribute("lang")).toBe(to === "In English" ? "en" : "sv");
};

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer({ secret: null }), launchChromium()]);
  const context = await newContext(browser);
  meeting = await holdDemoMeeting(await context.newPage(), server.url);
  await context.close();
}, BROWSER_TIMEOUT_MS);

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

describe("the minutes of a meeting in the web app", () => {
  it(
    "are adjusted by each adjuster signed in as themselves, which approves them",
    async () => {
      for (const [index, adjuster] of M.adjusters.entries()) {
        const context = await newContext(browser);
        const page = await context.newPage();
        await signInAs(page, server.url, adjuster);
        await page.goto(`${server.url}${meeting.path}`);
        const adjustment = page.getByRole("region", { name: "Justering" });
        await eventually(() => adjustment.getByRole("button", { name: "Justera protokollet" }).isVisible()).toBe(true);
        if (index === 0) await expectAccessible(page, "minutes to adjust (sv)");
        // The second adjuster by keyboard alone: Tab to the button, Enter.
        if (index === 0) await adjustment.getByRole("button", { name: "Justera protokollet" }).click();
        else {
          await tabTo(page, /Justera protokollet/, 80);
          await page.keyboard.press("Enter");
        }
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
      await signInAs(page, server.url, M.secretary);
      await page.goto(`${server.url}${meeting.path}`);
      await page.getByRole("link", { name: "Läs protokollet" }).click();
      await eventually(() => heading(page, "Protokoll").isVisible()).toBe(true);
      const protocol = page.getByRole("article");
      expect(await protocol.getByText("Core Team – Alla barn och unga lyckas").isVisible()).toBe(true);
      expect(await protocol.getByRole("heading", { name: "Närvarande" }).isVisible()).toBe(true);
      await eventually(() => protocol.getByText(M.absent, { exact: true }).isVisible()).toBe(true);
      expect(await protocol.getByRole("region", { name: `§ 1 ${meeting.candidateTitle}` }).isVisible()).toBe(true);
      const paragraph = protocol.getByRole("region", { name: `§ 2 ${M.ownItem}` });
      expect(await paragraph.getByText(`Beslut: ${M.decision}`).isVisible()).toBe(true);
      expect(await paragraph.getByRole("listitem").filter({ hasText: M.comment }).isVisible()).toBe(true);
      expect(
        await protocol.getByText(`${M.nextStep} – Ansvarig: ${M.secretary} – Klart senast: 31 januari 2027`).isVisible(),
      ).toBe(true);
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
      // Reflow: at 320 px wide the protocol needs no sideways scrolling.
      await page.setViewportSize({ width: 320, height: 800 });
      expect(await page.evaluate<number>("document.documentElement.scrollWidth")).toBeLessThanOrEqual(320);
      await page.setViewportSize({ width: 1280, height: 720 });

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
