import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually, expectAccessible, launchChromium, newContext, signInAs } from "../support/browser.js";
import { type MandatServer, startServer } from "../support/mandat-server.js";

/**
 * Issue 13, the Core Team's mandate forms in a real browser on the demo: a mandate granted to
 * the initiative that has none today (Utmaningsdriven utbildning), amended with a reworded
 * clause (its id kept) and a new one, renewed and revoked; a rule's refusal shown next to its
 * field. axe-core checks every form in Swedish and in English.
 */
const CORE_TEAM_MEMBER = "Deltagare Västerås 1";
const LEAD = "Initiativledare Drömfabriken";
const INITIATIVE = "Utmaningsdriven utbildning";
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

/** A day `days` from today in Stockholm, `YYYY-MM-DD`. */
const dayFromToday = (days: number): string =>
  new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm", year: "numeric", month: "2-digit", day: "2-digit" }).format(
    new Date(Date.now() + days * 86_400_000),
  );

interface Overview {
  readonly id: string;
  readonly mandate: {
    readonly clauses: ReadonlyArray<{ id: string; text: string }>;
    readonly validUntil: string | null;
    readonly budgetSek: number | null;
  } | null;
}

async function initiativeId(context: BrowserContext, name: string): Promise<string> {
  const list = (await (await context.request.get(`${server.url}/api/v1/initiatives`)).json()) as Array<{
    id: string;
    name: string;
  }>;
  return list.find((initiative) => initiative.name === name)!.id;
}

const overviewOf = async (context: BrowserContext, id: string): Promise<Overview> =>
  (await (await context.request.get(`${server.url}/api/v1/initiatives/${id}`)).json()) as Overview;

/**
 * axe in Swedish, then by the visible switch in English, and back to Swedish. Before typing:
 * the switch reads the session again, and the app shows "loading" meanwhile, which unmounts the form.
 */
async function accessibleInBothLanguages(page: Page, where: string, englishHeading: RegExp): Promise<void> {
  await expectAccessible(page, `${where} (sv)`);
  await page.getByRole("button", { name: "In English" }).click();
  await eventually(() => page.getByRole("heading", { level: 1, name: englishHeading }).isVisible()).toBe(true);
  await expectAccessible(page, `${where} (en)`);
  await page.getByRole("button", { name: "På svenska" }).click();
  await eventually(() => page.locator("html").getAttribute("lang")).toBe("sv");
}

/** The error shown under the text field labelled `label`. */
const fieldError = (page: Page, label: string) =>
  page.locator(".field", { has: page.getByRole("textbox", { name: label, exact: true }) }).locator(".field-error");

describe("the Core Team's mandate forms", () => {
  it(
    "grants a mandate with its clauses, amends it (a clause reworded keeps its id, a new one is added), renews and revokes it",
    async () => {
      const context = await newContext(browser);
      const page = await context.newPage();
      await signInAs(page, server.url, CORE_TEAM_MEMBER);
      const id = await initiativeId(context, INITIATIVE);
      expect((await overviewOf(context, id)).mandate).toBeNull();

      // Grant.
      await page.goto(`${server.url}/initiativ/${id}/mandat/nytt`);
      await eventually(() => page.getByRole("heading", { level: 1, name: `Ge mandat: ${INITIATIVE}` }).isVisible()).toBe(true);
      await accessibleInBothLanguages(page, "the grant form", /^Grant a mandate: /);
      const scope = page.getByRole("group", { name: "Uppdrag" });
      await scope.getByRole("button", { name: "Lägg till en punkt i uppdrag" }).click();
      // Focus goes to the clause just added, labelled by the id the grant will give it.
      await eventually(() => page.locator(":focus").getAttribute("id")).toBe(
        await scope.getByRole("textbox", { name: "S1" }).getAttribute("id"),
      );
      await page.keyboard.type("Ta emot utmaningar från skolorna");
      await scope.getByRole("button", { name: "Lägg till en punkt i uppdrag" }).click();
      await scope.getByRole("textbox", { name: "S2" }).fill("Sätta ihop studentgrupper");
      await scope.getByRole("button", { name: "Lägg till en punkt i uppdrag" }).click();
      await scope.getByRole("textbox", { name: "S3" }).fill("En punkt som ska bort");
      await scope.getByRole("button", { name: "Ta bort S3" }).click();
      expect(await scope.getByRole("textbox").count()).toBe(2);
      const boundaries = page.getByRole("group", { name: "Gränser" });
      await boundaries.getByRole("button", { name: "Lägg till en punkt i gränser" }).click();
      await boundaries.getByRole("textbox", { name: "B1" }).fill("Inga nya anställningar");
      const principles = page.getByRole("group", { name: "Principer" });
      await principles.getByRole("button", { name: "Lägg till en punkt i principer" }).click();
      await principles.getByRole("textbox", { name: "P1" }).fill("Skolornas frågor först");
      await page.getByRole("radio", { name: "Styrning i stora drag" }).check({ force: true });
      await page.getByRole("radio", { name: /: Nya mandat$/ }).check({ force: true });
      // A budget in words and no day: one press names both, the form's own check beside the schema's.
      await page.getByRole("textbox", { name: /^Budget i kronor/ }).fill("tolvtusen");
      await page.getByRole("textbox", { name: "Gäller från" }).fill("");
      await page.getByRole("button", { name: "Ge mandatet" }).click();
      const bothErrors = page.getByRole("alert").filter({ hasText: "Mandatet gavs inte" });
      await eventually(() => bothErrors.getByText("Skriv budgeten i hela kronor, med siffror").isVisible()).toBe(true);
      expect(await bothErrors.getByText("Skriv dagen mandatet börjar gälla").isVisible()).toBe(true);
      // Listed in the order of the fields: the day comes before the budget on the page.
      expect(await bothErrors.getByRole("listitem").allTextContents()).toEqual([
        "Skriv dagen mandatet börjar gälla",
        "Skriv budgeten i hela kronor, med siffror",
      ]);
      expect(await fieldError(page, "Gäller från").textContent()).toBe("Skriv dagen mandatet börjar gälla");
      await page.getByRole("textbox", { name: /^Budget i kronor/ }).fill("120 000");
      // The demo's first mandate of the initiative held from 2024-07-01 to 2025-06-30: a rule refuses an overlap.
      await page.getByRole("textbox", { name: "Gäller från" }).fill("2025-01-01");
      await page.getByRole("button", { name: "Ge mandatet" }).click();
      const grantSummary = page.getByRole("alert").filter({ hasText: "Mandatet gavs inte" });
      await eventually(() => grantSummary.textContent()).toContain("Två mandat för samma initiativ får inte gälla samma dag");
      await eventually(() => fieldError(page, "Gäller från").textContent()).toBe(
        "Två mandat för samma initiativ får inte gälla samma dag",
      );
      expect(await scope.getByRole("textbox", { name: "S2" }).inputValue()).toBe("Sätta ihop studentgrupper");
      await expectAccessible(page, "the grant form refused by a rule (sv)");

      await page.getByRole("textbox", { name: "Gäller från" }).fill(dayFromToday(0));
      await page.getByRole("textbox", { name: /^Gäller till/ }).fill(dayFromToday(365));
      await page.getByRole("button", { name: "Ge mandatet" }).click();
      await eventually(async () => new URL(page.url()).search).toBe("?skickad=mandat-givet");
      await eventually(() => page.getByRole("status").filter({ hasText: "Mandatet är givet." }).isVisible()).toBe(true);
      const letter = page.getByRole("region", { name: "Mandatbrev" });
      await eventually(() => letter.getByText("Ta emot utmaningar från skolorna").isVisible()).toBe(true);
      const granted = (await overviewOf(context, id)).mandate!;
      expect(granted.clauses.map((clause) => `${clause.id} ${clause.text}`)).toEqual([
        "S1 Ta emot utmaningar från skolorna",
        "S2 Sätta ihop studentgrupper",
        "B1 Inga nya anställningar",
        "P1 Skolornas frågor först",
      ]);
      expect(granted.budgetSek).toBe(120_000);

      // Amend: the form starts from the clauses in force, each with its id.
      await page.goto(`${server.url}/initiativ/${id}/mandat/andring`);
      await eventually(() => scope.getByRole("textbox", { name: "S1" }).inputValue()).toBe("Ta emot utmaningar från skolorna");
      await accessibleInBothLanguages(page, "the amendment form", /^Amend the mandate: /);
      // Nothing changed: the form says so once, in the page's words, not the schema's English beside them.
      await page.getByRole("button", { name: "Ändra mandatet" }).click();
      const unchanged = page.getByRole("alert").filter({ hasText: "Mandatet ändrades inte" });
      await eventually(() => unchanged.getByText("Ändra minst en punkt, styrningen eller budgeten").isVisible()).toBe(true);
      expect(await unchanged.textContent()).not.toMatch(/amendment|scope|budgetSek/);
      await scope.getByRole("textbox", { name: "S1" }).fill("Ta emot utmaningar från skolorna och förskolorna");
      await scope.getByRole("button", { name: "Lägg till en punkt i uppdrag" }).click();
      await scope.getByRole("textbox", { name: "Ny punkt 1" }).fill("Redovisa resultaten för skolorna");
      const changes = page.getByRole("region", { name: "Det här ändras" });
      // Each clause before and after, as the mandate's history will show the amendment.
      const reworded = changes.getByRole("listitem").filter({ hasText: "S1: Omformulerad" });
      expect(await reworded.locator("del").textContent()).toBe("Ta emot utmaningar från skolorna");
      expect(await reworded.locator("ins").textContent()).toBe("Ta emot utmaningar från skolorna och förskolorna");
      expect(await reworded.getByText("Före:").isVisible()).toBe(true);
      const added = changes.getByRole("listitem").filter({ hasText: /^Ny/ });
      expect(await added.locator("ins").textContent()).toBe("Redovisa resultaten för skolorna");
      expect(await added.locator("del").count()).toBe(0);
      expect(await changes.getByRole("heading", { level: 3, name: "Uppdrag" }).isVisible()).toBe(true);
      await page.getByRole("textbox", { name: "Skäl" }).fill("Förskolorna vill också vara med");
      // Before the mandate's first day: the rule says so next to the date.
      await page.getByRole("textbox", { name: "Gäller från och med" }).fill("2020-01-01");
      await page.getByRole("button", { name: "Ändra mandatet" }).click();
      await eventually(() => fieldError(page, "Gäller från och med").textContent()).toBe(
        "Ändringen måste gälla från en dag då mandatet gäller",
      );
      expect(await page.getByRole("alert").filter({ hasText: "Mandatet ändrades inte" }).isVisible()).toBe(true);
      await expectAccessible(page, "the amendment form refused by a rule (sv)");
      await page.getByRole("textbox", { name: "Gäller från och med" }).fill(dayFromToday(0));
      await page.getByRole("button", { name: "Ändra mandatet" }).click();
      await eventually(async () => new URL(page.url()).search).toBe("?skickad=mandat-andrat");
      await eventually(() => page.getByRole("status").filter({ hasText: "Mandatet är ändrat." }).isVisible()).toBe(true);
      await eventually(() => letter.getByText("Redovisa resultaten för skolorna").isVisible()).toBe(true);
      expect((await overviewOf(context, id)).mandate!.clauses.filter((clause) => clause.id.startsWith("S"))).toEqual([
        { id: "S1", text: "Ta emot utmaningar från skolorna och förskolorna", signals: { within: 0, "at-edge": 0, beyond: 0 } },
        { id: "S2", text: "Sätta ihop studentgrupper", signals: { within: 0, "at-edge": 0, beyond: 0 } },
        { id: "S3", text: "Redovisa resultaten för skolorna", signals: { within: 0, "at-edge": 0, beyond: 0 } },
      ]);

      // Renew.
      await page.goto(`${server.url}/initiativ/${id}/mandat/fornyelse`);
      await eventually(() => page.getByRole("textbox", { name: "Ny slutdag" }).isVisible()).toBe(true);
      await accessibleInBothLanguages(page, "the renewal form", /^Renew the mandate: /);
      await page.getByRole("textbox", { name: "Ny slutdag" }).fill(dayFromToday(730));
      await page.getByRole("button", { name: "Förnya mandatet" }).click();
      await eventually(async () => new URL(page.url()).search).toBe("?skickad=mandat-fornyat");
      await eventually(() => page.getByRole("status").filter({ hasText: "Mandatet är förnyat." }).isVisible()).toBe(true);
      expect((await overviewOf(context, id)).mandate!.validUntil).toBe(dayFromToday(730));

      // Revoke, from today: no mandate is in force then.
      await page.goto(`${server.url}/initiativ/${id}/mandat/aterkallelse`);
      await eventually(() => page.getByRole("textbox", { name: "Skäl" }).isVisible()).toBe(true);
      await accessibleInBothLanguages(page, "the revocation form", /^Revoke the mandate: /);
      await page.getByRole("textbox", { name: "Skäl" }).fill("Målbilden ska arbetas om");
      await page.getByRole("button", { name: "Återkalla mandatet" }).click();
      await eventually(async () => new URL(page.url()).search).toBe("?skickad=mandat-aterkallat");
      await eventually(() => page.getByRole("status").filter({ hasText: "Mandatet är återkallat." }).isVisible()).toBe(true);
      await eventually(async () => (await overviewOf(context, id)).mandate).toBeNull();
      await context.close();
    },
    BROWSER_TIMEOUT_MS,
  );

  it(
    "tells someone outside the Core Team that only the Core Team may",
    async () => {
      const context = await newContext(browser);
      const page = await context.newPage();
      await signInAs(page, server.url, LEAD);
      const id = await initiativeId(context, "Drömfabriken i Skultuna");
      await page.goto(`${server.url}/initiativ/${id}/mandat/andring`);
      await eventually(() => page.getByText("Bara Core Team kan ge, ändra, förnya och återkalla mandat.").isVisible()).toBe(true);
      expect(await page.getByRole("textbox").count()).toBe(0);
      await expectAccessible(page, "the amendment page for a lead (sv)");
      await context.close();
    },
    BROWSER_TIMEOUT_MS,
  );
});
