import { mkdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually, launchChromium, signInAs } from "../support/browser.js";
import { type MandatServer, startServer } from "../support/mandat-server.js";

/**
 * Pictures of the main pages at 1280 and 390 CSS pixels wide, written by every test run to
 * reports/screenshots (README "The web app"), so a reviewer can look at the pages without
 * running anything: `<width>/<nn>-<page>.png`, whole pages, on the demo.
 */
export const SCREENSHOTS = join(import.meta.dirname, "..", "..", "reports", "screenshots");

const LEAD = "Initiativledare Drömfabriken";
const CORE_TEAM_MEMBER = "Deltagare Västerås 1";
const AUDITOR = "Revisor (utveckling)";
const ADMIN = "Administratör (utveckling)";
const INITIATIVE = "Drömfabriken i Skultuna";
const BROWSER_TIMEOUT_MS = 120_000;

let server: MandatServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer({ secret: null }), launchChromium()]);
}, BROWSER_TIMEOUT_MS);

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

/** Ids of the demo the paths need, read with the context's session. */
interface DemoIds {
  readonly initiative: string;
  readonly mandate: string;
  readonly meeting: string;
}

async function demoIds(context: BrowserContext): Promise<DemoIds> {
  const read = async <T>(path: string): Promise<T> => (await (await context.request.get(`${server.url}${path}`)).json()) as T;
  const initiatives = await read<Array<{ id: string; name: string }>>("/api/v1/initiatives");
  const initiative = initiatives.find((item) => item.name === INITIATIVE)!.id;
  const overview = await read<{ mandate: { mandateId: string } }>(`/api/v1/initiatives/${initiative}`);
  const meetings = await read<Array<{ id: string }>>("/api/v1/meetings");
  return { initiative, mandate: overview.mandate.mandateId, meeting: meetings[0]!.id };
}

/** The pages pictured, whom to sign in as first (nobody for sign-in), in the order shown. */
const PAGES: ReadonlyArray<{ readonly name: string; readonly as: string | undefined; readonly path: (ids: DemoIds) => string }> =
  [
    { name: "sign-in", as: undefined, path: () => "/logga-in" },
    { name: "to-do-lead", as: LEAD, path: () => "/" },
    { name: "initiative", as: LEAD, path: (ids) => `/initiativ/${ids.initiative}` },
    { name: "submit-signal", as: LEAD, path: (ids) => `/initiativ/${ids.initiative}/ny-signal` },
    { name: "to-do-core-team", as: CORE_TEAM_MEMBER, path: () => "/" },
    { name: "portfolio", as: CORE_TEAM_MEMBER, path: () => "/portfolj" },
    { name: "inbox", as: CORE_TEAM_MEMBER, path: () => "/inkorg" },
    { name: "meetings", as: CORE_TEAM_MEMBER, path: () => "/moten" },
    { name: "minutes", as: CORE_TEAM_MEMBER, path: (ids) => `/moten/${ids.meeting}/protokoll` },
    { name: "budget", as: CORE_TEAM_MEMBER, path: () => "/budget" },
    { name: "over-time", as: AUDITOR, path: (ids) => `/initiativ/${ids.initiative}/over-tid` },
    { name: "mandate-story", as: AUDITOR, path: (ids) => `/initiativ/${ids.initiative}/mandathistorik/${ids.mandate}` },
    {
      name: "initiative-in-the-past",
      as: AUDITOR,
      path: (ids) => `/initiativ/${ids.initiative}?galler=2024-10-20&kant=2024-11-01T12:00`,
    },
    { name: "decisions", as: AUDITOR, path: () => "/beslut" },
    { name: "audit", as: AUDITOR, path: () => "/granskning" },
    { name: "administration", as: ADMIN, path: () => "/administration" },
  ];

const WIDTHS = [1280, 390] as const;

/** A page is ready to picture once its heading shows and nothing on it is still loading. */
async function whenReady(page: Page): Promise<void> {
  await eventually(() => page.locator("main h1").first().isVisible()).toBe(true);
  await eventually(() => page.locator("main .loading").count()).toBe(0);
}

describe("screenshots of the main pages", () => {
  for (const width of WIDTHS) {
    it(
      `are written at ${width} px to reports/screenshots/${width}`,
      async () => {
        const folder = join(SCREENSHOTS, String(width));
        rmSync(folder, { recursive: true, force: true });
        mkdirSync(folder, { recursive: true });
        const context = await browser.newContext({
          locale: "sv-SE",
          timezoneId: "Europe/Stockholm",
          viewport: { width, height: 900 },
        });
        const page = await context.newPage();
        let signedInAs: string | undefined;
        let ids: DemoIds | undefined;
        for (const [index, shown] of PAGES.entries()) {
          if (shown.as !== undefined && shown.as !== signedInAs) {
            await signInAs(page, server.url, shown.as);
            signedInAs = shown.as;
            ids ??= await demoIds(context);
          }
          await page.goto(`${server.url}${shown.path(ids ?? { initiative: "", mandate: "", meeting: "" })}`);
          await whenReady(page);
          const file = join(folder, `${String(index + 1).padStart(2, "0")}-${shown.name}.png`);
          await page.screenshot({ path: file, fullPage: true });
          // A PNG, and a picture of something (a blank page compresses to a few hundred bytes).
          const bytes = readFileSync(file);
          expect(bytes.subarray(1, 4).toString("latin1"), file).toBe("PNG");
          expect(bytes.length, file).toBeGreaterThan(5_000);
        }
        await context.close();
      },
      BROWSER_TIMEOUT_MS,
    );
  }
});
