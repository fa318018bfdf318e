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
import { type MandatServer, startServer } from "../support/mandat-server.js";

/**
 * Issue 13, part 1, in a real browser: the web app the server serves at /, signed in on the
 * development page, as an initiative lead of the demo (Drömfabriken i Skultuna) and as a
 * Core Team member. axe-core checks every page visited, in Swedish and in English.
 */
const LEAD = "Initiativledare Drömfabriken";
const INITIATIVE = "Drömfabriken i Skultuna";
const CORE_TEAM_MEMBER = "Deltagare Västerås 1";
const BROWSER_TIMEOUT_MS = 60_000;

let server: MandatServer;
let browser: Browser;

beforeAll(async () => {
  // No AUTH_JWT_SECRET: the server generates its own, which is what turns development sign-in on.
  [server, browser] = await Promise.all([startServer({ secret: null }), launchChromium()]);
}, BROWSER_TIMEOUT_MS);

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

/** The id or text of the element that has focus. */
const focusedId = (page: Page): Promise<string | null> => page.locator(":focus").getAttribute("id");
const focusedText = (page: Page): Promise<string | null> => page.locator(":focus").textContent();

const signIn = (page: Page, name: string) => signInAs(page, server.url, name);

describe("the web app, for an initiative lead", () => {
  it(
    "signs in, sees To do, reads the mandate letter, and submits a signal at the edge of a clause after an error shown in Swedish",
    async () => {
      const context = await newContext(browser);
      const page = await context.newPage();
      await watchPolicyViolations(page);
      const reads: string[] = [];
      page.on("request", (request) => {
        if (request.method() === "GET" && request.url().includes("/api/v1/")) reads.push(request.url());
      });

      await page.goto(`${server.url}/logga-in`);
      await eventually(() => page.getByRole("heading", { level: 1, name: "Logga in (utveckling)" }).isVisible()).toBe(true);
      await expectAccessible(page, "the sign-in page");
      await signIn(page, LEAD);
      expect(await page.locator("html").getAttribute("lang")).toBe("sv");
      const main = page.getByRole("main");
      await eventually(() => main.getByText(`Inloggad som ${LEAD}`).isVisible()).toBe(true);
      expect(await main.getByText("Roller: initiativledare").isVisible()).toBe(true);
      const own = page.getByRole("region", { name: "Dina initiativ och nästa avstämning" });
      await eventually(() => own.getByText(/^Nästa avstämning: /).isVisible()).toBe(true);
      await expectAccessible(page, "To do (sv)");

      await own.getByRole("link", { name: INITIATIVE }).click();
      const letter = page.getByRole("region", { name: "Mandatbrev" });
      await eventually(() => letter.isVisible()).toBe(true);
      for (const clause of ["S1", "B1", "P1"]) expect(await letter.getByText(clause, { exact: true }).isVisible()).toBe(true);
      expect(await letter.getByRole("heading", { name: "Gränser" }).isVisible()).toBe(true);
      await expectAccessible(page, "the initiative page (sv)");

      await page.getByRole("link", { name: "Skicka en signal" }).click();
      const form = page.getByRole("form").or(page.locator("form"));
      await eventually(() => form.isVisible()).toBe(true);
      expect(await page.getByText("Skriv inte namn eller andra personuppgifter här").first().isVisible()).toBe(true);
      // Sent empty: the summary's link to a group of choices takes focus to its first choice.
      await page.getByRole("button", { name: "Skicka signalen" }).click();
      const empty = page.getByRole("alert").filter({ hasText: "Signalen skickades inte" });
      await empty.getByRole("link", { name: "Välj vilken typ av signal det är" }).click();
      await eventually(() => page.evaluate("document.activeElement?.type")).toBe("radio");
      await page.getByRole("radio", { name: "Behov" }).check({ force: true });
      await page.getByRole("radio", { name: "Vid gränsen" }).check({ force: true });
      await page.getByRole("radio", { name: /^B1: / }).check({ force: true });
      const detail = "Skolan vill låna lokalen på kvällstid, vilket gränsen om lokaler inte tar upp.";
      await page.getByRole("textbox", { name: "Beskrivning (frivillig)" }).fill(detail);
      await page.getByRole("button", { name: "Skicka signalen" }).click();

      // Nothing is sent: the browser checked the form with the API's own schema, in Swedish.
      const summary = page.getByRole("alert").filter({ hasText: "Signalen skickades inte" });
      await eventually(() => summary.isVisible()).toBe(true);
      const summaryError = page
        .locator(".field", { has: page.getByRole("textbox", { name: "Sammanfattning" }) })
        .locator(".field-error");
      expect(await summaryError.textContent()).toBe("Skriv en sammanfattning");
      expect(await page.getByRole("textbox", { name: "Beskrivning (frivillig)" }).inputValue()).toBe(detail);
      expect(await page.getByRole("radio", { name: "Vid gränsen" }).isChecked()).toBe(true);
      expect(await page.getByRole("radio", { name: /^B1: / }).isChecked()).toBe(true);
      await expectAccessible(page, "the signal form with an error (sv)");

      await page.getByRole("textbox", { name: "Sammanfattning" }).fill("Lokalerna räcker inte till kvällsverksamheten");
      await page.getByRole("button", { name: "Skicka signalen" }).click();
      await eventually(() => page.getByText("Signalen är skickad.").isVisible()).toBe(true);
      const unanswered = page.getByRole("region", { name: "Obesvarade signaler" });
      await eventually(() => unanswered.getByText("Lokalerna räcker inte till kvällsverksamheten").isVisible()).toBe(true);
      expect(await unanswered.getByText("Vid gränsen").first().isVisible()).toBe(true);
      // The page read the initiative again as of the write: its Log-Position as minPosition.
      expect(reads.some((url) => /\/api\/v1\/initiatives\/[^/?]+\?minPosition=\d+$/.test(url))).toBe(true);
      await expectAccessible(page, "the initiative page after the signal (sv)");

      // English by the visible switch: the same page, in English, and so is To do.
      await page.getByRole("button", { name: "In English" }).click();
      await eventually(() => page.getByRole("region", { name: "Mandate letter" }).isVisible()).toBe(true);
      expect(await page.locator("html").getAttribute("lang")).toBe("en");
      expect(await page.getByRole("region", { name: "Unanswered signals" }).getByText("At the edge").first().isVisible()).toBe(
        true,
      );
      await expectAccessible(page, "the initiative page (en)");
      await page.getByRole("link", { name: "Submit a signal" }).click();
      await expect
        .poll(() => page.getByRole("heading", { level: 1, name: `Submit a signal: ${INITIATIVE}` }).isVisible())
        .toBe(true);
      await expectAccessible(page, "the signal form (en)");
      await page.getByRole("navigation").getByRole("link", { name: "To do" }).click();
      await eventually(() => page.getByRole("heading", { level: 1, name: "To do" }).isVisible()).toBe(true);
      await expectAccessible(page, "To do (en)");
      await page.getByRole("button", { name: "Sign out" }).click();
      await eventually(() => page.getByRole("heading", { level: 1, name: "Sign in (development)" }).isVisible()).toBe(true);
      await expectAccessible(page, "the sign-in page (en)");

      expect(await policyViolations(page)).toEqual([]);
      await context.close();
    },
    BROWSER_TIMEOUT_MS,
  );

  it(
    "carries the signal journey by keyboard alone: the lead signals at the edge of a clause, the Core Team answers with an amendment, the lead sees both",
    async () => {
      const context = await newContext(browser);
      const page = await context.newPage();
      await page.goto(`${server.url}/logga-in`);
      await eventually(() => page.getByRole("button", { name: `Logga in som ${LEAD}` }).isVisible()).toBe(true);
      // The skip link comes first and takes focus to the content.
      await page.keyboard.press("Tab");
      expect(await focusedText(page)).toBe("Hoppa till innehållet");
      await page.keyboard.press("Enter");
      expect(await focusedId(page)).toBe("main");
      await tabTo(page, new RegExp(`Logga in som ${LEAD}`));
      await page.keyboard.press("Enter");
      await expect
        .poll(() =>
          page
            .getByRole("region", { name: "Dina initiativ och nästa avstämning" })
            .getByText(/^Nästa avstämning: /)
            .isVisible(),
        )
        .toBe(true);

      await tabTo(page, new RegExp(`^${INITIATIVE}`));
      await page.keyboard.press("Enter");
      await eventually(() => page.getByRole("link", { name: "Skicka en signal" }).isVisible()).toBe(true);
      await tabTo(page, /Skicka en signal/);
      await page.keyboard.press("Enter");
      await eventually(() => page.getByRole("radio", { name: "Risk" }).isVisible()).toBe(true);

      const summary = "Föreningen vill ta över kvällarna";
      await tabTo(page, /Iakttagelse/);
      await page.keyboard.press("ArrowDown"); // Framsteg
      await page.keyboard.press("Tab");
      await page.keyboard.type(summary);
      await page.keyboard.press("Tab");
      await page.keyboard.type("Frågan gäller principen om öppenhet.");
      await tabTo(page, /Inom mandatet/);
      await page.keyboard.press("ArrowDown"); // Vid gränsen
      await page.keyboard.press("Tab");
      await page.keyboard.press("ArrowDown"); // S1
      await tabTo(page, /Skicka signalen/);
      await page.keyboard.press("Enter");

      await eventually(() => page.getByText("Signalen är skickad.").isVisible()).toBe(true);
      expect(await page.getByRole("region", { name: "Obesvarade signaler" }).getByText(summary).isVisible()).toBe(true);

      // A Core Team member, in a browser of their own, finds it in the inbox and answers it
      // with an amendment of S1, by keyboard too.
      const coreTeamContext = await newContext(browser);
      const coreTeam = await coreTeamContext.newPage();
      await coreTeam.goto(`${server.url}/logga-in`);
      await eventually(() => coreTeam.getByRole("button", { name: `Logga in som ${CORE_TEAM_MEMBER}` }).isVisible()).toBe(true);
      await tabTo(coreTeam, new RegExp(`Logga in som ${CORE_TEAM_MEMBER}`));
      await coreTeam.keyboard.press("Enter");
      await eventually(() => coreTeam.getByRole("heading", { level: 1, name: "Att göra" }).isVisible()).toBe(true);
      await tabTo(coreTeam, /^Inkorg\s*$/);
      await coreTeam.keyboard.press("Enter");
      await eventually(() => coreTeam.getByRole("heading", { name: summary }).isVisible()).toBe(true);
      await tabTo(coreTeam, new RegExp(`Svara: ${summary}`), 80);
      await coreTeam.keyboard.press("Enter");
      await eventually(() => coreTeam.getByRole("textbox", { name: "Svar till initiativet" }).isVisible()).toBe(true);
      const response = "Föreningen får kvällarna när mötesplatsens program tillåter det.";
      await tabTo(coreTeam, /Svar till initiativet/);
      await coreTeam.keyboard.type(response);
      await tabTo(coreTeam, /Noteras|Noterad/);
      await coreTeam.keyboard.press("ArrowDown"); // Mandatet justeras
      const s1 = coreTeam.getByRole("group", { name: "Uppdrag" }).getByRole("textbox", { name: "S1" });
      await eventually(() => s1.isVisible()).toBe(true);
      const reworded = "Driva mötesplatsen och dess program, också på kvällarna tillsammans med föreningar";
      await tabTo(coreTeam, /(^|\s)S1(\s|$)/);
      await coreTeam.keyboard.press("ControlOrMeta+A");
      await coreTeam.keyboard.type(reworded);
      await tabTo(coreTeam, /Skäl/);
      await coreTeam.keyboard.type("Signalen visar att kvällarna behövs");
      await tabTo(coreTeam, /Ändra mandatet och skicka svaret/);
      await coreTeam.keyboard.press("Enter");
      await eventually(() => coreTeam.getByText("Svaret är skickat.").isVisible()).toBe(true);

      // The lead's page, still open, follows the log (the live feed): the answer and the new S1.
      const letter = page.getByRole("region", { name: "Mandatbrev" });
      await eventually(() => letter.getByText(reworded).isVisible()).toBe(true);
      await eventually(() => page.getByRole("region", { name: "Besvarade signaler" }).getByText(response).isVisible()).toBe(true);
      expect(await page.getByRole("region", { name: "Obesvarade signaler" }).getByText(summary).count()).toBe(0);
      await coreTeamContext.close();
      await context.close();
    },
    BROWSER_TIMEOUT_MS,
  );
});

describe("the web app, when the API refuses", () => {
  it(
    "says so in Swedish above the form, and keeps what was typed; offers no form to whoever may not send one",
    async () => {
      const context = await newContext(browser);
      const page = await context.newPage();
      await signIn(page, LEAD);
      // Another initiative than the lead's own: the page offers no link, and by the address it
      // says who may act, with no form to fill in for nothing.
      const initiatives = (await (await context.request.get(`${server.url}/api/v1/initiatives`)).json()) as Array<{
        id: string;
        name: string;
      }>;
      const other = initiatives.find((initiative) => initiative.name === "Testbädd Årby/Fröslunda")!;
      await page.goto(`${server.url}/initiativ/${other.id}/ny-signal`);
      await eventually(() =>
        page.getByText("Bara initiativets initiativledare och Core Team kan göra det här.").isVisible(),
      ).toBe(true);
      expect(await page.getByRole("button", { name: "Skicka signalen" }).count()).toBe(0);
      expect(await page.getByRole("link", { name: "Tillbaka till Testbädd Årby/Fröslunda" }).isVisible()).toBe(true);
      // The lead's other forms alike (a tension here).
      await page.goto(`${server.url}/initiativ/${other.id}/ny-spanning`);
      await eventually(() =>
        page.getByText("Bara initiativets initiativledare och Core Team kan göra det här.").isVisible(),
      ).toBe(true);
      expect(await page.getByRole("button", { name: "Spara" }).count()).toBe(0);

      // On the lead's own initiative, a refusal the API answers after all (the lead unassigned
      // meanwhile, say) is said above the form, and what was typed stays.
      const [own] = (await (await context.request.get(`${server.url}/api/v1/me`)).json()).initiatives as Array<{ id: string }>;
      await page.route(`${server.url}/api/v1/signals`, (route) =>
        route.request().method() === "POST"
          ? route.fulfill({
              status: 403,
              contentType: "application/problem+json",
              body: JSON.stringify({ type: "/problems/forbidden", title: "Inte tillåtet", status: 403, detail: "not a lead" }),
            })
          : route.continue(),
      );
      await page.goto(`${server.url}/initiativ/${own!.id}/ny-signal`);
      await page.getByRole("radio", { name: "Risk" }).check({ force: true });
      await page.getByRole("radio", { name: "Utanför mandatet" }).check({ force: true });
      await page.getByRole("textbox", { name: "Sammanfattning" }).fill("Inte mitt initiativ");
      await page.getByRole("button", { name: "Skicka signalen" }).click();
      const summary = page.getByRole("alert").filter({ hasText: "Signalen skickades inte" });
      await eventually(() => summary.getByText("Du får inte skicka signaler för det här initiativet").isVisible()).toBe(true);
      expect(await page.getByRole("textbox", { name: "Sammanfattning" }).inputValue()).toBe("Inte mitt initiativ");
      expect(await page.getByRole("radio", { name: "Risk" }).isChecked()).toBe(true);
      await expectAccessible(page, "the signal form refused by the API (sv)");
      await context.close();
    },
    BROWSER_TIMEOUT_MS,
  );
});

describe("the web app, for the Core Team and in English by Accept-Language", () => {
  it(
    "takes a Core Team member from sign-in back to the page asked for, and shows the signals awaiting an answer, in English for an English browser",
    async () => {
      const context = await newContext(browser, "en-GB");
      const page = await context.newPage();
      // Not signed in: the inbox sends the browser to sign in, remembering where it was going.
      await page.goto(`${server.url}/inkorg`);
      await eventually(() => page.getByRole("heading", { level: 1, name: "Sign in (development)" }).isVisible()).toBe(true);
      expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe("/logga-in?tillbaka=%2Finkorg");
      expect(await page.locator("html").getAttribute("lang")).toBe("en");
      await page.getByRole("button", { name: `Sign in as ${CORE_TEAM_MEMBER}` }).click();
      await eventually(() => page.getByRole("heading", { level: 1, name: "Signal inbox" }).isVisible()).toBe(true);
      await page.getByRole("navigation").getByRole("link", { name: "To do" }).click();
      await eventually(() => page.getByRole("heading", { level: 1, name: "To do" }).isVisible()).toBe(true);
      const awaiting = page.getByRole("region", { name: "Signals awaiting an answer" });
      await eventually(() => awaiting.getByRole("listitem").count()).toBeGreaterThan(0);
      // The demo's Testbädd Årby/Fröslunda has a mandate that ends within 60 days of today.
      const expiring = page.getByRole("region", { name: "Mandates expiring within 60 days" });
      await eventually(() => expiring.getByRole("link", { name: "Testbädd Årby/Fröslunda" }).isVisible()).toBe(true);
      await expectAccessible(page, "To do for the Core Team (en)");
      await page.getByRole("button", { name: "På svenska" }).click();
      await eventually(() => page.getByRole("region", { name: "Signaler som väntar på svar" }).isVisible()).toBe(true);
      await expectAccessible(page, "To do for the Core Team (sv)");
      await context.close();
    },
    BROWSER_TIMEOUT_MS,
  );
});
