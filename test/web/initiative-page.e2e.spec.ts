import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually, expectAccessible, launchChromium, newContext, signInAs } from "../support/browser.js";
import { type MandatServer, startServer } from "../support/mandat-server.js";

/**
 * Issue 13, the initiative page in a real browser: the mandate letter with the decision behind
 * it, the check-in trend, the actions by role (the lead's forms for its leads, the mandate's
 * changes for the Core Team alone), and the page and the lead's four forms in English, with
 * an error in English next to its field. axe-core checks every page visited.
 */
const LEAD = "Initiativledare Drömfabriken";
const INITIATIVE = "Drömfabriken i Skultuna";
const WITHOUT_MANDATE = "Utmaningsdriven utbildning";
const CORE_TEAM_MEMBER = "Deltagare Västerås 1";
const BROWSER_TIMEOUT_MS = 90_000;

let server: MandatServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer({ secret: null }), launchChromium()]);
}, BROWSER_TIMEOUT_MS);

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

/** The demo's initiatives by name, as the API lists them to the signed-in page. */
async function initiativeId(page: Page, name: string): Promise<string> {
  const list = (await (await page.request.get(`${server.url}/api/v1/initiatives`)).json()) as Array<{ id: string; name: string }>;
  return list.find((initiative) => initiative.name === name)!.id;
}

describe("the initiative page", () => {
  it(
    "shows a lead the decision behind the mandate and the check-in trend, and the page and its forms in English",
    async () => {
      const context = await newContext(browser, "en-GB");
      const page = await context.newPage();
      await signInAs(page, server.url, LEAD);
      const id = await initiativeId(page, INITIATIVE);
      await page.goto(`${server.url}/initiativ/${id}`);

      const letter = page.getByRole("region", { name: "Mandate letter" });
      await eventually(() => letter.getByRole("heading", { name: "The decision behind the mandate" }).isVisible()).toBe(true);
      // The demo's mandate was granted by a Core Team decision, then amended by the chair between meetings.
      await eventually(() => letter.getByText(/^Granted from .*: Decision .*of the Core Team meeting on /).isVisible()).toBe(
        true,
      );
      expect(await letter.getByRole("link", { name: "To the meeting" }).first().getAttribute("href")).toMatch(/^\/moten\//);
      expect(await letter.getByText(/Without a meeting decision/).isVisible()).toBe(true);
      const checkIns = page.getByRole("region", { name: "Check-ins" });
      await eventually(() => checkIns.getByRole("img", { name: "Clarity and confidence over time" }).isVisible()).toBe(true);
      expect(await checkIns.getByRole("table", { name: "The check-ins in figures" }).getByRole("row").count()).toBeGreaterThan(1);
      // A lead may use the lead's forms; the mandate's changes are the Core Team's.
      const actions = page.getByRole("navigation", { name: "Act on the initiative" });
      for (const action of ["Submit a signal", "New check-in", "Raise a tension", "New goal"])
        expect(await actions.getByRole("link", { name: action }).isVisible()).toBe(true);
      expect(await page.getByRole("link", { name: "Amend the mandate" }).count()).toBe(0);
      await expectAccessible(page, "the initiative page (en)");

      await actions.getByRole("link", { name: "New check-in" }).click();
      await eventually(() => page.getByRole("heading", { level: 1, name: `New check-in: ${INITIATIVE}` }).isVisible()).toBe(true);
      await eventually(() => page.getByRole("checkbox", { name: LEAD }).isChecked()).toBe(true);
      await page.getByRole("radio", { name: "4 – high" }).check({ force: true });
      await page.getByRole("textbox", { name: "Notes (optional)" }).fill("Kept after the error.");
      await page.getByRole("button", { name: "Save" }).click();
      const summary = page.getByRole("alert").filter({ hasText: "The check-in was not saved. Please correct the following:" });
      await eventually(() => summary.isVisible()).toBe(true);
      const clarityError = page.locator("#mandateClarity .field-error");
      expect(await clarityError.textContent()).toBe("Choose how clear the mandate is");
      expect(await summary.getByRole("link", { name: "Choose how clear the mandate is" }).getAttribute("href")).toBe(
        "#mandateClarity",
      );
      expect(await page.getByRole("textbox", { name: "Notes (optional)" }).inputValue()).toBe("Kept after the error.");
      expect(await page.getByRole("radio", { name: "4 – high" }).isChecked()).toBe(true);
      await expectAccessible(page, "the check-in form with errors (en)");

      for (const [path, title] of [
        ["ny-spanning", "Raise a tension"],
        ["nytt-mal", "New goal"],
      ] as const) {
        await page.goto(`${server.url}/initiativ/${id}/${path}`);
        await eventually(() => page.getByRole("heading", { level: 1, name: `${title}: ${INITIATIVE}` }).isVisible()).toBe(true);
        expect(await page.getByText("Do not write names or other personal data here").first().isVisible()).toBe(true);
        await expectAccessible(page, `${title} (en)`);
      }
      await page.goto(`${server.url}/initiativ/${id}`);
      await page
        .getByRole("link", { name: /^New reading for the goal: / })
        .first()
        .click();
      await eventually(() => page.getByRole("heading", { level: 1, name: `New reading: ${INITIATIVE}` }).isVisible()).toBe(true);
      await eventually(() => page.getByRole("textbox", { name: "Reading", exact: true }).isVisible()).toBe(true);
      await expectAccessible(page, "the reading form (en)");
      await context.close();
    },
    BROWSER_TIMEOUT_MS,
  );

  it(
    "offers the Core Team the mandate's changes, and a grant where no mandate is in force; reflows at 320 px",
    async () => {
      const context = await newContext(browser);
      const page = await context.newPage();
      await signInAs(page, server.url, CORE_TEAM_MEMBER);
      await page.goto(`${server.url}/initiativ/${await initiativeId(page, INITIATIVE)}`);
      const actions = page.getByRole("navigation", { name: "Gör något för initiativet" });
      await eventually(() => actions.getByRole("link", { name: "Ändra mandatet" }).isVisible()).toBe(true);
      for (const action of ["Förnya mandatet", "Återkalla mandatet", "Ny avstämning", "Lyft en spänning", "Nytt mål"])
        expect(await actions.getByRole("link", { name: action }).isVisible()).toBe(true);
      expect(await actions.getByRole("link", { name: "Ge mandat" }).count()).toBe(0);
      await expectAccessible(page, "the initiative page for the Core Team (sv)");
      // Reflow: at 320 px wide, with its tables and the trend shown, nothing scrolls sideways.
      await eventually(() =>
        page
          .getByRole("table", { name: /^Senaste mätningar för målet/ })
          .first()
          .isVisible(),
      ).toBe(true);
      await eventually(() => page.getByRole("table", { name: "Avstämningarna i siffror" }).isVisible()).toBe(true);
      await page.setViewportSize({ width: 320, height: 800 });
      expect(await page.evaluate<number>("document.documentElement.scrollWidth")).toBeLessThanOrEqual(320);

      await page.goto(`${server.url}/initiativ/${await initiativeId(page, WITHOUT_MANDATE)}`);
      await eventually(() => page.getByText("Inget mandat gäller i dag.").isVisible()).toBe(true);
      expect(await actions.getByRole("link", { name: "Ge mandat" }).getAttribute("href")).toMatch(/\/mandat\/nytt$/);
      expect(await actions.getByRole("link", { name: "Ändra mandatet" }).count()).toBe(0);
      await expectAccessible(page, "an initiative without a mandate (sv)");
      await context.close();
    },
    BROWSER_TIMEOUT_MS,
  );
});
