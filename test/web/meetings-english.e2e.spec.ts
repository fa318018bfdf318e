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
import { DEMO_MEETING as M, type HeldDemoMeeting, holdDemoMeeting } from "../support/demo-meeting.js";
import { type MandatServer, startServer } from "../support/mandat-server.js";

/**
 * Issue 13, meetings, in a real browser on the demo, part 3: the meeting pages in English
 * (a held meeting, the list, a planned meeting, the plan form), with axe-core on each; the
 * Swedish ones are parts 1 and 2 (meetings.e2e.spec.ts, meetings-minutes.e2e.spec.ts).
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

describe("the meetings in English", () => {
  it(
    "are read in English on the meeting page, and the meetings and the plan form are in English too",
    async () => {
      const context = await newContext(browser);
      const page = await context.newPage();
      await watchPolicyViolations(page);
      await signInAs(page, server.url, M.chair);
      await page.goto(`${server.url}${meeting.path}`);
      await eventually(() => heading(page, "Core Team, 20 november 2026").isVisible()).toBe(true);
      await switchLanguage(page, "In English");
      await eventually(() => heading(page, "Core Team, 20 November 2026").isVisible()).toBe(true);
      const adjustment = page.getByRole("region", { name: "Adjustment" });
      await eventually(() => adjustment.getByText(`${M.adjusters[0]} has not adjusted the minutes yet.`).isVisible()).toBe(true);
      expect(await page.getByRole("region", { name: "Decisions" }).getByText(M.decision).isVisible()).toBe(true);
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
      expect(await policyViolations(page)).toEqual([]);
      await context.close();
    },
    BROWSER_TIMEOUT_MS,
  );
});
