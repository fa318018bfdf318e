import { readFile } from "node:fs/promises";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually, expectAccessible, launchChromium, newContext, signInAs } from "../support/browser.js";
import { type MandatServer, startServer } from "../support/mandat-server.js";

/**
 * Issue 14, the auditor's page in a real browser on the demo: the log's verification with
 * its count, again on request; the CSV of one initiative downloaded and read byte for byte;
 * a lead told the page is not for them. axe-core checks it in Swedish and in English.
 */
const AUDITOR = "Revisor (utveckling)";
const LEAD = "Initiativledare Drömfabriken";
const INITIATIVE = "Drömfabriken i Skultuna";
const BROWSER_TIMEOUT_MS = 90_000;

let server: MandatServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer({ secret: null, startupTimeoutMs: 60_000 }), launchChromium()]);
}, BROWSER_TIMEOUT_MS);

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

/** axe in Swedish, then by the visible switch in English, and back. */
async function accessibleInBothLanguages(page: Page): Promise<void> {
  await expectAccessible(page, "Granskning (sv)");
  await page.getByRole("button", { name: "In English" }).click();
  await eventually(() => page.getByRole("heading", { level: 1, name: "Audit" }).isVisible()).toBe(true);
  await eventually(() => page.getByText("The log holds: nothing has been changed.").isVisible()).toBe(true);
  await expectAccessible(page, "Granskning (en)");
  await page.getByRole("button", { name: "På svenska" }).click();
  await eventually(() => page.locator("html").getAttribute("lang")).toBe("sv");
}

describe("the audit page", () => {
  it(
    "shows the auditor the log verified with its count, verifies again, and downloads one initiative's CSV for Excel",
    async () => {
      const context = await newContext(browser);
      const page = await context.newPage();
      await signInAs(page, server.url, AUDITOR);
      await page.getByRole("link", { name: "Granskning" }).click();
      await eventually(() => page.getByRole("heading", { level: 1, name: "Granskning" }).isVisible()).toBe(true);

      const verify = (await (await context.request.get(`${server.url}/api/v1/audit/verify`)).json()) as {
        ok: boolean;
        checkedEvents: number;
      };
      expect(verify.ok).toBe(true);
      await eventually(() => page.getByText("Loggen håller: inget är ändrat.").isVisible()).toBe(true);
      const facts = page.locator("section", { has: page.getByRole("heading", { name: "Är loggen oförändrad?" }) });
      await expect.poll(() => facts.locator("dd").first().textContent()).toBe(String(verify.checkedEvents));
      await expect(facts.getByText(/^Kontrollerad$/).isVisible()).resolves.toBe(true);

      await page.getByRole("button", { name: "Kontrollera igen" }).click();
      await eventually(() => page.getByRole("status").filter({ hasText: "Kontrollen är klar" }).textContent()).toBe(
        `Kontrollen är klar. Loggen håller: ${verify.checkedEvents} händelser och ${await sealsChecked(page)} sigill.`,
      );

      await accessibleInBothLanguages(page);

      // One initiative, CSV for Excel (the default format).
      await page.getByRole("radio", { name: INITIATIVE }).check({ force: true });
      await eventually(() => page.getByText(`${INITIATIVE}, CSV för Excel`).isVisible()).toBe(true);
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("link", { name: "Ladda ned" }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/^mandat-export-initiative-[0-9a-f-]{36}-[0-9TZ-]+\.csv$/);
      const bytes = await readFile((await download.path())!);
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = bytes.toString("utf8").slice(1);
      const [header, ...rows] = text.split("\r\n").slice(0, -1);
      expect(header).toBe("position;eventId;streamId;revision;type;schemaVersion;recordedAt;data;metadata");
      expect(rows.length).toBeGreaterThan(5);
      const initiatives = (await (await context.request.get(`${server.url}/api/v1/initiatives`)).json()) as Array<{
        id: string;
        name: string;
      }>;
      const initiativeId = initiatives.find((initiative) => initiative.name === INITIATIVE)!.id;
      const streams = new Set(rows.map((row) => row.split(";")[2]!));
      expect(streams).toContain(`initiative-${initiativeId}`);
      for (const stream of streams) expect(stream).toMatch(new RegExp(`^(initiative-${initiativeId}|signal-.+|tension-.+)$`));
      // Reflow: at 320 px nothing scrolls sideways.
      await page.setViewportSize({ width: 320, height: 800 });
      await eventually(() => page.evaluate("document.documentElement.scrollWidth")).toBeLessThanOrEqual(320);
      await context.close();
    },
    BROWSER_TIMEOUT_MS,
  );

  it(
    "tells a lead the page is for auditors",
    async () => {
      const context = await newContext(browser);
      const page = await context.newPage();
      await signInAs(page, server.url, LEAD);
      await page.goto(`${server.url}/granskning`);
      await eventually(() =>
        page.getByText("Den här sidan är för revisorer och administratörer. Du har inte den rollen.").isVisible(),
      ).toBe(true);
      await expect(page.getByRole("button", { name: "Kontrollera igen" }).count()).resolves.toBe(0);
      await expect(page.getByRole("link", { name: "Ladda ned" }).count()).resolves.toBe(0);
      await expectAccessible(page, "Granskning for a lead (sv)");
      await context.close();
    },
    BROWSER_TIMEOUT_MS,
  );
});

/** The seals checked, as the page's facts say. */
const sealsChecked = async (page: Page): Promise<string> =>
  (
    (await page
      .locator("dt", { hasText: /^Kontrollerade sigill$/ })
      .locator("xpath=following-sibling::dd[1]")
      .textContent()) ?? ""
  ).trim();
