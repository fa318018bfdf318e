import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually, expectAccessible, launchChromium, newContext } from "../support/browser.js";
import { type MandatServer, startServer } from "../support/mandat-server.js";
import { type SessionApi, sessionApi } from "../support/web-session-api.js";

/**
 * The pictures (issue 14): the initiative over time (tensions, check-ins, signals) and the
 * focus area's budget per year, on the demo, in a real browser. Each chart is drawn and its
 * table says the same figures the API answers; the tension timeline's week or month choice
 * changes the table; axe finds nothing in Swedish and English; the pages reflow at 320 px;
 * on paper the tables are printed. Testbädd Årby/Fröslunda gets a signal at the edge of S1
 * and a tension of intensity 5 here, so its pictures have something of today to show.
 */
const CORE_TEAM_MEMBER = "Deltagare Västerås 1";
const INITIATIVE = "Testbädd Årby/Fröslunda";
const AREA = "alla-barn-och-unga-lyckas";
const AREA_NAME = "Alla barn och unga lyckas";
const AREA_NAME_EN = "All children and young people succeed";
const TIMEOUT_MS = 90_000;

let server: MandatServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let api: SessionApi;
let initiativeId: string;

const today = new Intl.DateTimeFormat("sv-SE", {
  timeZone: "Europe/Stockholm",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
}).format(new Date());
const thisYear = Number(today.slice(0, 4));
const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
const dayInStockholm = (instant: string) =>
  new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm", year: "numeric", month: "2-digit", day: "2-digit" }).format(
    new Date(instant),
  );

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer({ secret: null }), launchChromium()]);
  context = await newContext(browser);
  page = await context.newPage();
  // signInAs waits with expect.poll, which only runs inside a test: the same clicks, waited for here.
  await page.goto(`${server.url}/logga-in`);
  await page.getByRole("button", { name: `Logga in som ${CORE_TEAM_MEMBER}` }).click();
  await page.getByRole("heading", { level: 1, name: "Att göra" }).waitFor();
  api = sessionApi(context, server.url);
  const initiatives = await api.get<Array<{ id: string; name: string }>>("/api/v1/initiatives");
  initiativeId = initiatives.find((initiative) => initiative.name === INITIATIVE)!.id;
  const overview = await api.get<{ mandate: { mandateId: string } }>(`/api/v1/initiatives/${initiativeId}`);
  await api.post("/api/v1/signals", {
    initiativeId,
    kind: "need",
    summary: "Fler lokaler behövs för eftermiddagarna.",
    mandatePosition: "at-edge",
    mandateId: overview.mandate.mandateId,
    clauseId: "S1",
    observedOn: today,
  });
  await api.post("/api/v1/tensions", {
    initiativeIds: [initiativeId],
    category: "resources",
    description: "Lokalerna räcker inte till eftermiddagarna.",
    intensity: 5,
    raisedOn: today,
  });
}, TIMEOUT_MS);

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

/** Opens every chart's table ("Visa som tabell" / "Show as a table"). */
async function openTables(): Promise<void> {
  const buttons = page.getByRole("button", { name: /^(Visa som tabell|Show as a table)$/ });
  while ((await buttons.count()) > 0) await buttons.first().click();
}

/** A table's body rows, each as its cells' texts (run in the page: the tests compile without the DOM's types). */
const rowsOf = (caption: string | RegExp): Promise<string[][]> =>
  page
    .getByRole("table", { name: caption, exact: true })
    .locator("tbody tr")
    .evaluateAll((rows: Array<{ cells: ArrayLike<{ textContent: string | null }> }>) =>
      rows.map((row) => Array.from(row.cells, (cell) => (cell.textContent ?? "").trim())),
    );

/** A figure as the page writes it (Swedish: "4,5", "12 000 kr"; English: "SEK 12,000"), as a number. */
const figure = (text: string): number => Number(text.replace(/kr|SEK|[\s\u00a0\u202f,]/g, (match) => (match === "," ? "." : "")));

interface Period {
  periodStart: string;
  raised: number;
  resolved: number;
  open: number;
  meanIntensity: number | null;
}

/** The tension table's figures against the API's timeline of `bucket`. */
async function expectTensionTable(bucket: "week" | "month", caption: string): Promise<void> {
  const periods = await api.get<Period[]>(`/api/v1/initiatives/${initiativeId}/tensions/timeline?bucket=${bucket}`);
  const expected = periods.map((period) => [period.raised, period.resolved, period.open, period.meanIntensity]);
  await eventually(async () =>
    (await rowsOf(caption)).map(([, raised, resolved, open, intensity]) => [
      figure(raised!),
      figure(resolved!),
      figure(open!),
      intensity === "ingen öppen" ? null : figure(intensity!),
    ]),
  ).toEqual(expected);
}

describe("the pictures", () => {
  it(
    "pictures an initiative over time: tensions per month or week, check-ins, signals per clause and their waits",
    async () => {
      await page.goto(`${server.url}/initiativ/${initiativeId}/over-tid`);
      await eventually(() => page.getByRole("heading", { level: 1 }).textContent()).toBe(`${INITIATIVE} över tid`);
      await eventually(() => page.getByRole("img").count()).toBe(6);
      for (const name of [
        /^Linjediagram över spänningar per månad/,
        /^Linjediagram över medelintensiteten/,
        /^Linjediagram över 2 avstämningar/,
        /^Stapeldiagram över vilket ledarskap/,
        /^Stapeldiagram över mandatets 5 punkter: sammanlagt 0 signaler inom mandatet, 1 vid gränsen och 0 utanför/,
        /^Stapeldiagram över 2 signaler, hur många dagar/,
      ])
        expect(await page.getByRole("img", { name }).isVisible(), String(name)).toBe(true);
      // The tables are closed until asked for, and then say what the API says.
      expect(await page.getByRole("table").count()).toBe(0);
      await openTables();
      await expectTensionTable("month", "Spänningar per månad");
      expect((await rowsOf("Spänningar per månad")).at(-1)).toEqual([expect.any(String), "1", "0", "2", "4,5"]);

      const checkIns = await api.get<
        Array<{ heldOn: string; mandateClarity: number; confidence: number; leadershipNeeded: string }>
      >(`/api/v1/initiatives/${initiativeId}/check-ins`);
      expect((await rowsOf("Avstämningarna")).map(([, clarity, confidence]) => [figure(clarity!), figure(confidence!)])).toEqual(
        checkIns.map((checkIn) => [checkIn.mandateClarity, checkIn.confidence]),
      );
      const asked = (kind: string) => checkIns.filter((checkIn) => checkIn.leadershipNeeded === kind).length;
      expect((await rowsOf("Ledarskap som avstämningarna bad om")).map(([, count]) => figure(count!))).toEqual(
        ["more-direction", "more-detail", "more-space", "as-is"].map(asked),
      );

      const overview = await api.get<{
        mandate: { clauses: Array<{ id: string; signals: { within: number; "at-edge": number; beyond: number } }> };
      }>(`/api/v1/initiatives/${initiativeId}`);
      expect(
        (await rowsOf("Signaler per punkt i mandatet")).map((row) => [row[0]!.split(" ")[0], ...row.slice(1).map(figure)]),
      ).toEqual(
        overview.mandate.clauses.map((clause) => [
          clause.id,
          clause.signals.within,
          clause.signals["at-edge"],
          clause.signals.beyond,
        ]),
      );

      const signals = await api.get<Array<{ summary: string; submittedAt: string; answeredAt: string | null; status: string }>>(
        `/api/v1/signals?initiativeId=${initiativeId}`,
      );
      const waits = signals
        .filter((signal) => signal.status !== "withdrawn")
        .map((signal) => [
          signal.summary,
          daysBetween(dayInStockholm(signal.submittedAt), signal.answeredAt ? dayInStockholm(signal.answeredAt) : today),
        ]);
      expect(
        (await rowsOf("Signalerna och hur länge de väntade")).map(([, summary, , days]) => [summary, figure(days!)]),
      ).toEqual(waits);
      expect((await rowsOf("Signalerna och hur länge de väntade")).at(-1)![2]).toBe("Inte besvarad ännu");
      await expectAccessible(page, "over time, Swedish");

      // Per week: another table, kept in the address.
      await page.getByRole("radio", { name: "vecka" }).check();
      await eventually(() => page.getByRole("img", { name: /^Linjediagram över spänningar per vecka/ }).isVisible()).toBe(true);
      expect(new URL(page.url()).searchParams.get("per")).toBe("vecka");
      await openTables();
      await expectTensionTable("week", "Spänningar per vecka");
      expect((await rowsOf("Spänningar per vecka"))[0]![0]).toMatch(/^Vecka \d+, \d{4}$/);

      await page.getByRole("button", { name: "In English" }).click();
      await eventually(() => page.getByRole("heading", { level: 1 }).textContent()).toBe(`${INITIATIVE} over time`);
      await openTables();
      await eventually(async () => (await rowsOf("Tensions per week")).length).toBeGreaterThan(50);
      expect((await rowsOf("Tensions per week")).at(-1)!.slice(1)).toEqual(["1", "0", "2", "4.5"]);
      await expectAccessible(page, "over time, English");
      await page.getByRole("button", { name: "På svenska" }).click();
      await eventually(() => page.getByRole("heading", { level: 1 }).textContent()).toBe(`${INITIATIVE} över tid`);
    },
    TIMEOUT_MS,
  );

  it(
    "pictures the budget per year against external funding and contributions in kind, and says plainly when a year has none",
    async () => {
      const nextYear = thisYear + 1;
      await page.goto(`${server.url}/budget?ar=${nextYear}`);
      await eventually(() =>
        page.getByRole("img", { name: new RegExp(`^Stapeldiagram för ${AREA_NAME}: 2025: budget`) }).isVisible(),
      ).toBe(true);
      await openTables();
      const caption = `Budget, extern finansiering och insatser i natura per år, ${AREA_NAME}`;
      const budgets = await Promise.all(
        [2025, nextYear].map((year) =>
          api.get<{
            year: number;
            status: string;
            proposedTotalSek: number;
            approvedTotalSek: number | null;
            externalFundingTotalSek: number;
            externalFundingAppliedSek: number;
            contributionsInKindTotal: { hours: number; valueSek: number };
          }>(`/api/v1/budgets/${AREA}/${year}`),
        ),
      );
      await eventually(() => rowsOf(caption)).toEqual(
        budgets.map((budget) => [
          String(budget.year),
          budget.status === "approved" ? "beslutad" : "föreslagen",
          ...[
            budget.approvedTotalSek ?? budget.proposedTotalSek,
            budget.externalFundingTotalSek,
            budget.externalFundingAppliedSek,
            budget.contributionsInKindTotal.valueSek,
          ].map((amount) =>
            new Intl.NumberFormat("sv-SE", { style: "currency", currency: "SEK", maximumFractionDigits: 0 }).format(amount),
          ),
          new Intl.NumberFormat("sv-SE").format(budget.contributionsInKindTotal.hours),
        ]),
      );
      // The demo's 2025: 600 000 kr, 954 000 kr of staff time.
      expect((await rowsOf(caption))[0]!.slice(2, 6).map(figure)).toEqual([600_000, 420_000, 0, 954_000]);
      await expectAccessible(page, "budget, Swedish");

      await page.getByRole("combobox", { name: "År" }).selectOption("2024");
      await eventually(() => page.getByText(`Det finns ingen budget för 2024 i ${AREA_NAME}.`).isVisible()).toBe(true);
      expect(new URL(page.url()).searchParams.get("ar")).toBe("2024");
      expect(await page.getByRole("img").count()).toBe(0);

      // Without a year asked for, the page opens on the most recent year that has a budget
      // (the demo's this year has none), and the year choice says which have none.
      await page.goto(`${server.url}/budget`);
      await eventually(() => page.getByRole("combobox", { name: "År" }).inputValue()).toBe("2025");
      expect(await page.getByRole("option", { name: `${thisYear} (ingen budget)` }).count()).toBe(1);
      await page.getByRole("button", { name: "In English" }).click();
      await eventually(() =>
        page.getByRole("img", { name: new RegExp(`^Bar chart for ${AREA_NAME_EN}: 2025: budget SEK 600,000`) }).isVisible(),
      ).toBe(true);
      await openTables();
      expect(
        (await rowsOf(`Budget, external funding and contributions in kind per year, ${AREA_NAME_EN}`)).map((row) => row[0]),
      ).toEqual(["2025"]);
      await expectAccessible(page, "budget, English");
      await page.getByRole("button", { name: "På svenska" }).click();
      await eventually(() => page.getByRole("heading", { level: 1, name: "Budget" }).isVisible()).toBe(true);
    },
    TIMEOUT_MS,
  );

  it(
    "reflows at 320 px and prints every table, open on screen or not",
    async () => {
      await page.setViewportSize({ width: 320, height: 800 });
      for (const path of [`/initiativ/${initiativeId}/over-tid`, `/budget?ar=${thisYear + 1}`]) {
        await page.goto(`${server.url}${path}`);
        const charts = path.startsWith("/budget") ? 1 : 6;
        await eventually(() => page.getByRole("img").count()).toBe(charts);
        await openTables();
        expect(await page.evaluate<number>("document.documentElement.scrollWidth"), path).toBeLessThanOrEqual(320);

        await page.reload();
        await eventually(() => page.getByRole("button", { name: "Visa som tabell" }).count()).toBe(charts);
        expect(await page.getByRole("table").count()).toBe(0);
        await page.emulateMedia({ media: "print" });
        const tables = page.getByRole("table");
        const count = await tables.count();
        expect(count, path).toBe(charts);
        for (let index = 0; index < count; index++) expect(await tables.nth(index).isVisible()).toBe(true);
        expect(await page.getByRole("button", { name: "Visa som tabell" }).first().isVisible()).toBe(false);
        await page.emulateMedia({ media: "screen" });
      }
      await page.setViewportSize({ width: 1280, height: 720 });
    },
    TIMEOUT_MS,
  );
});
