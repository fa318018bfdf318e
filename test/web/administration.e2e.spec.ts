import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually, expectAccessible, launchChromium, newContext, signInAs, tabTo } from "../support/browser.js";
import { type MandatServer, startServer } from "../support/mandat-server.js";

/**
 * Issue 14, administration, in a real browser on the demo: an admin registers an organisation
 * and maps, links and retires its governing context; registers a person, links a login (by
 * keyboard alone) and starts a Core Team membership; assigns the person as lead of a demo
 * initiative; erases a demo Core Team member, whose name then reads "Raderad person" on every
 * page that showed it. A lead is told the pages are for administrators. axe-core checks every
 * administration page in Swedish and English.
 */
const ADMIN = "Administratör (utveckling)";
const LEAD = "Initiativledare Drömfabriken";
const ORGANISATION = "Region Västmanland";
const CONTEXT = "Regionstyrelsen";
const PERSON = "Ny initiativledare 1";
const INITIATIVE = "Testbädd Årby/Fröslunda";
const NEW_INITIATIVE = "Läsfrämjande i Västmanland";
/** Chair of the demo's meetings, present at them, and at Drömfabriken's every check-in. */
const ERASED = "Deltagare Västerås 1";
const BROWSER_TIMEOUT_MS = 90_000;

let server: MandatServer;
let browser: Browser;
let adminContext: BrowserContext | undefined;
let adminPage: Page | undefined;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer({ secret: null }), launchChromium()]);
}, BROWSER_TIMEOUT_MS);

afterAll(async () => {
  await adminContext?.close();
  await browser?.close();
  await server?.dispose();
});

/** One admin, signed in once for the whole file: each test goes on from the menu. */
async function admin(): Promise<Page> {
  if (adminPage) return adminPage;
  adminContext = await newContext(browser);
  adminPage = await adminContext.newPage();
  await signInAs(adminPage, server.url, ADMIN);
  return adminPage;
}

const heading = (page: Page, name: string | RegExp) => page.getByRole("heading", { level: 1, name });
const showsHeading = (page: Page, name: string) => eventually(() => heading(page, name).isVisible()).toBe(true);
/** A choice (radio or check box) by its label, within the field `fieldId`. */
const choose = (page: Page, fieldId: string, label: string) =>
  page.locator(`#${fieldId}`).locator("label", { hasText: label }).first().click();
const follow = async (page: Page, link: string | RegExp, next: string) => {
  await page
    .getByRole("link", { name: link, exact: typeof link === "string" })
    .first()
    .click();
  await showsHeading(page, next);
};

/** axe in Swedish, then by the visible switch in English, and back (before anything is typed). */
async function accessibleInBothLanguages(page: Page, where: string, englishHeading: string): Promise<void> {
  await expectAccessible(page, `${where} (sv)`);
  await page.getByRole("button", { name: "In English" }).click();
  await showsHeading(page, englishHeading);
  await expectAccessible(page, `${where} (en)`);
  await page.getByRole("button", { name: "På svenska" }).click();
  await eventually(() => page.locator("html").getAttribute("lang")).toBe("sv");
}

/** Visits a page by its link, checks it in both languages, and leaves it without saving. */
async function visitAndCancel(page: Page, link: string | RegExp, title: string, englishTitle: string, back: string) {
  await follow(page, link, title);
  await accessibleInBothLanguages(page, title, englishTitle);
  await page.getByRole("link", { name: "Avbryt" }).click();
  await showsHeading(page, back);
}

describe("administration in the web app", () => {
  it(
    "tells a lead in words that the pages are for administrators",
    async () => {
      const context = await newContext(browser);
      const page = await context.newPage();
      await signInAs(page, server.url, LEAD);
      // Not in the lead's menu; by its address, a plain sentence rather than a form.
      expect(await page.getByRole("navigation").getByRole("link", { name: "Administration" }).count()).toBe(0);
      await page.goto(`${server.url}/administration/personer`);
      await eventually(() => page.getByText("Sidorna under Administration är till för administratörer.").isVisible()).toBe(true);
      expect(await page.getByRole("link", { name: "Registrera en person" }).count()).toBe(0);
      await accessibleInBothLanguages(page, "administration refused to a lead", "Administration");
      await context.close();
    },
    BROWSER_TIMEOUT_MS,
  );

  it(
    "registers an organisation, maps a governing context, links it to an initiative and retires it",
    async () => {
      const page = await admin();
      await page.getByRole("navigation").getByRole("link", { name: "Administration" }).click();
      await showsHeading(page, "Administration");
      await accessibleInBothLanguages(page, "administration", "Administration");
      await follow(page, "Organisationer", "Organisationer");
      await accessibleInBothLanguages(page, "organisations", "Organisations");

      await follow(page, "Registrera en organisation", "Registrera en organisation");
      await accessibleInBothLanguages(page, "register an organisation", "Register an organisation");
      // Nothing filled in: the API's schema, in the browser, in Swedish, at the fields and on top.
      await page.getByRole("button", { name: "Registrera organisationen" }).click();
      const summary = page.getByRole("alert").filter({ hasText: "Organisationen registrerades inte" });
      await eventually(() => summary.isVisible()).toBe(true);
      expect(await summary.getByRole("link", { name: "Skriv organisationens namn" }).isVisible()).toBe(true);
      expect(await summary.getByRole("link", { name: "Välj slags organisation" }).isVisible()).toBe(true);
      await page.getByRole("textbox", { name: "Organisationens namn" }).fill(ORGANISATION);
      await choose(page, "kind", "Region");
      await page.getByRole("button", { name: "Registrera organisationen" }).click();
      await showsHeading(page, ORGANISATION);
      await eventually(() => page.getByText("Organisationen är registrerad.").isVisible()).toBe(true);
      await accessibleInBothLanguages(page, "an organisation", ORGANISATION);

      await follow(page, "Kartlägg ett styrande sammanhang", "Kartlägg ett styrande sammanhang");
      await accessibleInBothLanguages(page, "map a governing context", "Map a governing context");
      await page.getByRole("textbox", { name: "Sammanhangets namn" }).fill(CONTEXT);
      await choose(page, "kind", "Styrelse");
      await page.getByRole("button", { name: "Kartlägg sammanhanget" }).click();
      await showsHeading(page, ORGANISATION);
      const card = page.getByRole("listitem").filter({ has: page.getByRole("heading", { level: 3, name: CONTEXT }) });
      await eventually(() => card.getByText("Gäller").isVisible()).toBe(true);

      await follow(page, `Koppla ${CONTEXT} till ett initiativ`, "Koppla ett styrande sammanhang till ett initiativ");
      await accessibleInBothLanguages(page, "link a context to an initiative", "Link a governing context to an initiative");
      await choose(page, "initiativeId", INITIATIVE);
      await choose(page, "relation", "Finansierar initiativet");
      await page.getByRole("button", { name: "Koppla sammanhanget" }).click();
      await showsHeading(page, ORGANISATION);
      await eventually(() => card.getByText(/finansierar initiativet/).isVisible()).toBe(true);
      // The initiative's name comes from another read than the link: it may show a moment later.
      await eventually(() => card.getByRole("link", { name: INITIATIVE }).isVisible()).toBe(true);

      await follow(page, `Avveckla ${CONTEXT}`, "Avveckla ett styrande sammanhang");
      await accessibleInBothLanguages(page, "retire a context", "Retire a governing context");
      await page.getByRole("textbox", { name: "Skäl" }).fill("Regionstyrelsen lämnar samverkan.");
      await page.getByRole("button", { name: "Avveckla sammanhanget" }).click();
      await showsHeading(page, ORGANISATION);
      await eventually(() => card.getByText("Avvecklat").isVisible()).toBe(true);
    },
    BROWSER_TIMEOUT_MS,
  );

  it(
    "registers a person, links a login by keyboard alone, starts a Core Team membership",
    async () => {
      const page = await admin();
      await page.getByRole("navigation").getByRole("link", { name: "Administration" }).click();
      await follow(page, "Personer", "Personer");
      await accessibleInBothLanguages(page, "people", "People");
      await follow(page, "Registrera en person", "Registrera en person");
      await accessibleInBothLanguages(page, "register a person", "Register a person");
      // Names are personal data, sealed with the person's key: the page says so.
      expect(await page.getByText(/sparas krypterade med en nyckel som bara den här personen har/).isVisible()).toBe(true);
      await choose(page, "organisationId", ORGANISATION);
      await page.getByRole("textbox", { name: "Namn" }).fill(PERSON);
      await page.getByRole("textbox", { name: "E-postadress (frivillig)" }).fill("inte-en-adress");
      await page.getByRole("button", { name: "Registrera personen" }).click();
      const summary = page.getByRole("alert").filter({ hasText: "Personen registrerades inte" });
      await eventually(() => summary.isVisible()).toBe(true);
      expect(await page.getByRole("textbox", { name: "Namn" }).inputValue()).toBe(PERSON);
      await page.getByRole("textbox", { name: "E-postadress (frivillig)" }).fill("ny.ledare@example.se");
      await page.getByRole("button", { name: "Registrera personen" }).click();
      await showsHeading(page, PERSON);
      await eventually(() => page.getByText("Personen är registrerad.").isVisible()).toBe(true);
      expect(await page.getByText("ny.ledare@example.se").isVisible()).toBe(true);
      await accessibleInBothLanguages(page, "a person", PERSON);

      // A login, by keyboard alone: Tab to the link, to each field, to the button.
      await tabTo(page, /^Koppla en inloggning/);
      await page.keyboard.press("Enter");
      await showsHeading(page, "Koppla en inloggning");
      await accessibleInBothLanguages(page, "link a login", "Link a login");
      await tabTo(page, /Utfärdare/);
      await page.keyboard.type("https://login.example.se");
      await page.keyboard.press("Tab");
      await page.keyboard.type("b1f0c2d3-4e5f");
      await tabTo(page, /^Koppla inloggningen/);
      await page.keyboard.press("Enter");
      await showsHeading(page, PERSON);
      await eventually(() => page.getByText("Inloggningen är kopplad.").isVisible()).toBe(true);
      // The log keeps the issuer and a digest of the subject: the page lists the issuer.
      const logins = page.getByRole("list", { name: "Inloggningar" });
      await eventually(() => logins.getByText(/^https:\/\/login\.example\.se, kopplad .* av en administratör$/).isVisible()).toBe(
        true,
      );

      await visitAndCancel(page, "Ta bort en inloggning", "Ta bort en inloggning", "Remove a login", PERSON);
      await visitAndCancel(page, "Sluta i Core Team", "Sluta i Core Team", "Leave the Core Team", PERSON);

      await follow(page, "Börja i Core Team", "Börja i Core Team");
      await accessibleInBothLanguages(page, "start a Core Team membership", "Join the Core Team");
      await choose(page, "focusArea", "Alla barn och unga lyckas");
      await page.getByRole("button", { name: "Börja i Core Team" }).click();
      await showsHeading(page, PERSON);
      await eventually(() => page.getByText("Personen är med i Core Team.").isVisible()).toBe(true);
      const memberships = page.getByRole("list", { name: "Core Team" });
      await eventually(() => memberships.getByText(/^Alla barn och unga lyckas: från \d+ \S+ \d{4}$/).isVisible()).toBe(true);
    },
    BROWSER_TIMEOUT_MS,
  );

  it(
    "registers an initiative; assigns the person as lead of a demo initiative, which its page then shows; unlinks a context and unassigns a lead",
    async () => {
      const page = await admin();
      await page.getByRole("navigation").getByRole("link", { name: "Administration" }).click();
      await follow(page, "Initiativ", "Initiativ");
      await accessibleInBothLanguages(page, "initiatives", "Initiatives");
      await follow(page, "Registrera ett initiativ", "Registrera ett initiativ");
      await accessibleInBothLanguages(page, "register an initiative", "Register an initiative");
      await page.getByRole("textbox", { name: "Initiativets namn" }).fill(NEW_INITIATIVE);
      await choose(page, "focusArea", "Alla barn och unga lyckas");
      await choose(page, "organisationIds", ORGANISATION);
      await page.getByRole("button", { name: "Registrera initiativet" }).click();
      await showsHeading(page, NEW_INITIATIVE);
      await eventually(() => page.getByText("Initiativet är registrerat.").isVisible()).toBe(true);
      expect(await page.getByText("Initiativet har inga initiativledare.").isVisible()).toBe(true);

      await follow(page, "Tillbaka till initiativen", "Initiativ");
      await follow(page, INITIATIVE, INITIATIVE);
      await accessibleInBothLanguages(page, "an initiative's administration", INITIATIVE);
      // The demo links Eskilstuna's network to it, and the test the Region's board, retired since.
      const contexts = page.getByRole("region", { name: "Styrande sammanhang" });
      const unlink = contexts.getByRole("link", { name: `Koppla bort ${CONTEXT}` });
      await eventually(() => unlink.isVisible()).toBe(true);
      await visitAndCancel(
        page,
        "Koppla ett styrande sammanhang",
        "Koppla ett styrande sammanhang till ett initiativ",
        "Link a governing context to an initiative",
        INITIATIVE,
      );
      await follow(page, `Koppla bort ${CONTEXT}`, "Koppla bort ett styrande sammanhang");
      await accessibleInBothLanguages(page, "unlink a governing context", "Unlink a governing context");
      await page.getByRole("textbox", { name: "Skäl" }).fill("Regionstyrelsen finansierar inte längre initiativet.");
      await page.getByRole("button", { name: "Koppla bort sammanhanget" }).click();
      await showsHeading(page, INITIATIVE);
      await eventually(() => page.getByText("Sammanhanget är bortkopplat.").isVisible()).toBe(true);
      await eventually(() => unlink.count()).toBe(0);

      await follow(page, "Utse en initiativledare eller nyckelroll", "Utse en initiativledare eller nyckelroll");
      await accessibleInBothLanguages(page, "assign a lead", "Assign a lead or key role");
      await choose(page, "personId", PERSON);
      await choose(page, "role", "Initiativledare");
      await page.getByRole("button", { name: "Utse", exact: true }).click();
      await showsHeading(page, INITIATIVE);
      await eventually(() => page.getByText("Rollen är sparad.").isVisible()).toBe(true);
      const leads = page.getByRole("list", { name: "Initiativledare och nyckelroller" });
      await eventually(() => leads.getByRole("link", { name: PERSON, exact: true }).isVisible()).toBe(true);

      await page.getByRole("link", { name: "Initiativets sida" }).click();
      await eventually(() => heading(page, INITIATIVE).isVisible()).toBe(true);
      await eventually(() =>
        page.getByRole("region", { name: "Initiativledare och nyckelroller" }).getByText(PERSON).isVisible(),
      ).toBe(true);

      // Back to the administration: the demo's own lead is unassigned, with a reason.
      await page.goBack();
      await showsHeading(page, INITIATIVE);
      const demoLead = "Initiativledare Årby/Fröslunda";
      await follow(page, `Entlediga ${demoLead}`, "Entlediga en initiativledare");
      await accessibleInBothLanguages(page, "unassign a lead", "Unassign a lead");
      await page.getByRole("button", { name: "Entlediga", exact: true }).click();
      await eventually(() => page.getByRole("alert").filter({ hasText: "Skriv skälet" }).isVisible()).toBe(true);
      await page.getByRole("textbox", { name: "Skäl" }).fill("Lämnar initiativet till den nya initiativledaren.");
      await page.getByRole("button", { name: "Entlediga", exact: true }).click();
      await showsHeading(page, INITIATIVE);
      await eventually(() => page.getByText("Personen är entledigad.").isVisible()).toBe(true);
      expect(await leads.getByRole("link", { name: demoLead, exact: true }).count()).toBe(0);
    },
    BROWSER_TIMEOUT_MS,
  );

  it(
    "erases a Core Team member, who then reads as Raderad person wherever they were named",
    async () => {
      const page = await admin();
      const meetings = (await (await page.request.get(`${server.url}/api/v1/meetings`)).json()) as Array<{ id: string }>;
      const minutes = `${server.url}/moten/${meetings[0]!.id}/protokoll`;
      await page.goto(minutes);
      const present = page.getByRole("region", { name: "Närvarande" });
      await eventually(() => present.getByText(ERASED).isVisible()).toBe(true);

      await page.getByRole("navigation").getByRole("link", { name: "Administration" }).click();
      await follow(page, "Personer", "Personer");
      await follow(page, ERASED, ERASED);
      await follow(page, "Radera personen", "Radera en person");
      await accessibleInBothLanguages(page, "erase a person", "Erase a person");
      // What erasure does and what it leaves, in words, before the one button.
      expect(await page.getByText(`Du håller på att radera ${ERASED}.`).isVisible()).toBe(true);
      expect(await page.getByText("Personens nyckel förstörs. Den går inte att få tillbaka.").isVisible()).toBe(true);
      expect(await page.getByText(/finns kvar som allmänna handlingar/).isVisible()).toBe(true);
      await page.getByRole("button", { name: "Ja, radera personen" }).click();
      await showsHeading(page, "Personen är raderad");
      expect(await page.getByRole("status").filter({ hasText: "Nyckeln är förstörd." }).isVisible()).toBe(true);
      await accessibleInBothLanguages(page, "a person erased", "The person is erased");

      await follow(page, "Tillbaka till personerna", "Personer");
      const directory = page.getByRole("list", { name: "Personer" });
      await eventually(() => directory.getByText("Raderad person").first().isVisible()).toBe(true);
      expect(await directory.getByText(ERASED).count()).toBe(0);

      await page.getByRole("link", { name: "Tillbaka till Administration" }).click();
      await follow(page, "Initiativ", "Initiativ");
      await follow(page, "Drömfabriken i Skultuna", "Drömfabriken i Skultuna");
      await page.getByRole("link", { name: "Initiativets sida" }).click();
      const checkIns = page.getByRole("region", { name: "Avstämningar" });
      await eventually(() =>
        checkIns
          .getByText(/Raderad person/)
          .first()
          .isVisible(),
      ).toBe(true);
      expect(await checkIns.getByText(ERASED).count()).toBe(0);

      await page.goto(minutes);
      await eventually(() =>
        present
          .getByText(/Raderad person/)
          .first()
          .isVisible(),
      ).toBe(true);
      expect(await page.getByText(ERASED).count()).toBe(0);
    },
    BROWSER_TIMEOUT_MS,
  );
});
