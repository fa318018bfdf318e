import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually, expectAccessible, launchChromium, newContext, signInAs } from "../support/browser.js";
import { type MandatServer, startServer } from "../support/mandat-server.js";

/**
 * Issue 13, the Core Team's signal inbox in a real browser on the demo: a lead signals at the
 * edge of a clause; a Core Team member finds the signal in the inbox and answers it with an
 * amendment in one flow, pressing again after the answer was lost on the way without amending
 * twice; the lead then reads the answer and the amended clause. A demo signal is acknowledged.
 * axe-core checks both pages in Swedish and in English.
 */
const CORE_TEAM_MEMBER = "Deltagare Västerås 1";
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

const today = (): string =>
  new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm", year: "numeric", month: "2-digit", day: "2-digit" }).format(
    new Date(),
  );

interface SignalItem {
  readonly id: string;
  readonly initiativeId: string;
  readonly summary: string;
  readonly status: string;
  readonly acknowledgedOn: string | null;
  readonly outcome: string | null;
  readonly response: string | null;
  readonly followUp: { mandateId: string; amendment?: number } | null;
}

const getJson = async <T>(context: BrowserContext, path: string): Promise<T> =>
  (await (await context.request.get(`${server.url}${path}`)).json()) as T;

/** A write as the signed-in person of the context: the session cookie and its CSRF header. */
async function post(context: BrowserContext, path: string, body: unknown): Promise<{ id: string }> {
  const csrf = (await context.cookies()).find((cookie) => cookie.name === "mandat-csrf")!.value;
  const response = await context.request.post(`${server.url}${path}`, {
    data: body,
    headers: { "x-csrf-token": csrf, "content-type": "application/json" },
  });
  expect(response.status(), await response.text()).toBeLessThan(300);
  return (await response.json()) as { id: string };
}

/** axe in Swedish, then by the visible switch in English, and back (before anything is typed). */
async function accessibleInBothLanguages(page: Page, where: string, englishHeading: string): Promise<void> {
  await expectAccessible(page, `${where} (sv)`);
  await page.getByRole("button", { name: "In English" }).click();
  await eventually(() => page.getByRole("heading", { level: 1, name: englishHeading }).isVisible()).toBe(true);
  await expectAccessible(page, `${where} (en)`);
  await page.getByRole("button", { name: "På svenska" }).click();
  await eventually(() => page.locator("html").getAttribute("lang")).toBe("sv");
}

describe("the Core Team's signal inbox", () => {
  it(
    "answers a lead's signal with an amendment in one flow, safe to press again, and the lead sees both",
    async () => {
      // The lead signals at the edge of S1.
      const leadContext = await newContext(browser);
      const leadPage = await leadContext.newPage();
      await signInAs(leadPage, server.url, LEAD);
      const initiatives = await getJson<Array<{ id: string; name: string }>>(leadContext, "/api/v1/initiatives");
      const initiativeId = initiatives.find((initiative) => initiative.name === INITIATIVE)!.id;
      const before = await getJson<{ mandate: { mandateId: string } }>(leadContext, `/api/v1/initiatives/${initiativeId}`);
      const summary = "Barnen vill visa sina projekt i stadsdelens bibliotek";
      const signal = await post(leadContext, "/api/v1/signals", {
        initiativeId,
        kind: "boundary-request",
        summary,
        mandatePosition: "at-edge",
        mandateId: before.mandate.mandateId,
        clauseId: "S1",
        observedOn: today(),
      });

      // The Core Team member finds it in the inbox.
      const context = await newContext(browser);
      const page = await context.newPage();
      await signInAs(page, server.url, CORE_TEAM_MEMBER);
      await page.getByRole("navigation").getByRole("link", { name: "Inkorg" }).click();
      await eventually(() => page.getByRole("heading", { level: 1, name: "Inkorg för signaler" }).isVisible()).toBe(true);
      const card = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: summary }) });
      await eventually(() => card.isVisible()).toBe(true);
      // The clause's wording comes with the mandate, read beside the inbox: it may come a moment later.
      for (const text of [INITIATIVE, "Önskemål om ändrad gräns", "Vid gränsen", "S1: Driva mötesplatsen och dess program"]) {
        await eventually(() => card.getByText(text, { exact: true }).isVisible()).toBe(true);
      }
      expect(await card.getByText("inte bekräftad ännu").isVisible()).toBe(true);
      await accessibleInBothLanguages(page, "the inbox", "Signal inbox");

      await card.getByRole("link", { name: `Svara: ${summary}` }).click();
      await eventually(() => page.getByRole("heading", { level: 1, name: "Svara på signalen" }).isVisible()).toBe(true);
      await eventually(() => page.getByRole("textbox", { name: "Svar till initiativet" }).isVisible()).toBe(true);
      await accessibleInBothLanguages(page, "the answer page", "Answer the signal");

      const response = "Vi vidgar uppdraget så att projekten kan visas utanför mötesplatsen.";
      await page.getByRole("textbox", { name: "Svar till initiativet" }).fill(response);
      await page.getByRole("radio", { name: "Mandatet justeras" }).check({ force: true });
      const amendment = page.getByRole("region", { name: "Ändringen av mandatet" });
      const s1 = amendment.getByRole("group", { name: "Uppdrag" }).getByRole("textbox", { name: "S1" });
      await eventually(() => s1.inputValue()).toBe("Driva mötesplatsen och dess program");
      const reworded = "Driva mötesplatsen och dess program, och visa barnens projekt i stadsdelen";
      await s1.fill(reworded);
      await amendment.getByRole("textbox", { name: "Skäl" }).fill("Signalen visar att projekten behöver synas");
      await expectAccessible(page, "the answer with the amendment's fields (sv)");

      // The answer is lost on the way the first time: the amendment went in, and the page says so.
      const amendments: string[] = [];
      page.on("request", (request) => {
        if (request.method() === "POST" && request.url().endsWith("/amendments")) amendments.push(request.url());
      });
      let answersLost = 0;
      await page.route("**/api/v1/signals/*/answer", async (route) => {
        answersLost += 1;
        await route.abort();
      });
      await page.getByRole("button", { name: "Ändra mandatet och skicka svaret" }).click();
      await eventually(() => page.getByText(/^Mandatet är redan ändrat \(händelse \d+ i initiativets logg\)/).isVisible()).toBe(
        true,
      );
      expect(answersLost).toBe(1);
      // The failed answer's summary comes a moment after the kept amendment's notice.
      await eventually(() => page.getByRole("alert").filter({ hasText: "Svaret skickades inte" }).isVisible()).toBe(true);
      expect(await page.getByRole("textbox", { name: "Svar till initiativet" }).inputValue()).toBe(response);
      await page.unroute("**/api/v1/signals/*/answer");

      // The next press sends only the answer, citing the amendment.
      await page.getByRole("button", { name: "Skicka svaret" }).click();
      await eventually(() => page.getByText("Svaret är skickat.").isVisible()).toBe(true);
      expect(new URL(page.url()).pathname).toBe("/inkorg");
      expect(await page.getByRole("heading", { name: summary }).count()).toBe(0);
      expect(amendments).toHaveLength(1);

      // The lead reads the answer and the amended clause.
      const answered = await getJson<SignalItem[]>(leadContext, `/api/v1/signals?status=answered&initiativeId=${initiativeId}`);
      const mine = answered.find((item) => item.id === signal.id)!;
      expect(mine.outcome).toBe("mandate-adjusted");
      expect(mine.response).toBe(response);
      expect(mine.followUp?.mandateId).toBe(before.mandate.mandateId);
      expect(typeof mine.followUp?.amendment).toBe("number");
      await leadPage.goto(`${server.url}/initiativ/${initiativeId}`);
      const letter = leadPage.getByRole("region", { name: "Mandatbrev" });
      await eventually(() => letter.getByText(reworded).isVisible()).toBe(true);
      const answeredOnPage = leadPage.getByRole("region", { name: "Besvarade signaler" });
      await eventually(() => answeredOnPage.getByText(response).isVisible()).toBe(true);
      await leadContext.close();
      await context.close();
    },
    BROWSER_TIMEOUT_MS,
  );

  it(
    "acknowledges a demo signal's receipt, and tells a lead the inbox is the Core Team's",
    async () => {
      const context = await newContext(browser);
      const page = await context.newPage();
      await signInAs(page, server.url, CORE_TEAM_MEMBER);
      const inbox = await getJson<SignalItem[]>(context, "/api/v1/signals?status=unanswered");
      const waiting = inbox.find((item) => item.status === "submitted")!;
      await page.goto(`${server.url}/inkorg/${waiting.id}`);
      await page.getByRole("button", { name: "Bekräfta mottagandet" }).click();
      await eventually(() => page.getByText("Mottagandet är bekräftat.").isVisible()).toBe(true);
      await eventually(
        async () =>
          (await getJson<SignalItem[]>(context, "/api/v1/signals?status=unanswered")).find((item) => item.id === waiting.id)
            ?.acknowledgedOn,
      ).toBe(today());
      await page.getByRole("link", { name: "Tillbaka till inkorgen" }).click();
      const card = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: waiting.summary }) });
      await eventually(() => card.getByText(/^bekräftad /).isVisible()).toBe(true);
      await context.close();

      const leadContext = await newContext(browser);
      const leadPage = await leadContext.newPage();
      await signInAs(leadPage, server.url, LEAD);
      await leadPage.goto(`${server.url}/inkorg`);
      await eventually(() => leadPage.getByText("Bara Core Team tar emot och svarar på signaler.").isVisible()).toBe(true);
      await expectAccessible(leadPage, "the inbox for a lead (sv)");
      await leadContext.close();
    },
    BROWSER_TIMEOUT_MS,
  );

  it(
    "says in plain words that a signal about an initiative without a mandate cannot be answered by adjusting it",
    async () => {
      const context = await newContext(browser);
      const page = await context.newPage();
      await signInAs(page, server.url, CORE_TEAM_MEMBER);
      const inbox = await getJson<SignalItem[]>(context, "/api/v1/signals?status=unanswered");
      const overviews = await Promise.all(
        inbox.map(async (item) => ({
          item,
          overview: await getJson<{ mandate: unknown }>(context, `/api/v1/initiatives/${item.initiativeId}`),
        })),
      );
      const withoutMandate = overviews.find(({ overview }) => overview.mandate === null)?.item;
      expect(withoutMandate, "the demo has a signal about an initiative with no mandate in force").toBeDefined();
      await page.goto(`${server.url}/inkorg/${withoutMandate!.id}`);
      await page.getByRole("textbox", { name: "Svar till initiativet" }).fill("Vi tittar på det.");
      await page.getByRole("radio", { name: "Mandatet justeras" }).check({ force: true });
      await page.getByRole("button", { name: /^Skicka/ }).click();
      const summary = page.getByRole("alert").filter({ hasText: "Svaret skickades inte" });
      await eventually(() => summary.getByText("Initiativet har inget mandat att justera: välj ett annat svar").isVisible()).toBe(
        true,
      );
      // A signal answered already, and one that does not exist, are told apart.
      const answered = (await getJson<SignalItem[]>(context, "/api/v1/signals?status=answered"))[0]!;
      await page.goto(`${server.url}/inkorg/${answered.id}`);
      await eventually(() =>
        page.getByText("Signalen väntar inte på svar: den är redan besvarad eller återkallad.").isVisible(),
      ).toBe(true);
      await page.goto(`${server.url}/inkorg/01a2239d-0000-7000-8000-000000000000`);
      await eventually(() => page.getByText("Det finns ingen signal med den här adressen.", { exact: false }).isVisible()).toBe(
        true,
      );
      await context.close();
    },
    BROWSER_TIMEOUT_MS,
  );
});
