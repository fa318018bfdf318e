import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { type Browser, type BrowserContext, chromium } from "playwright-core";
import { startBenchServer } from "./bench-server.js";
import { percentile, round } from "./measure.js";

/** Debian's Chromium, as the browser tests use (Playwright cannot download its own here). */
const CHROMIUM = process.env.BENCH_CHROMIUM ?? "/usr/bin/chromium";

/** The demo's Core Team member: their To do reads the most (every open initiative's overview). */
const PERSON = "Deltagare Västerås 1";

export interface FirstPageWeight {
  /** The path loaded, and where the app took the browser (signed out: the sign-in page). */
  readonly path: string;
  readonly landedOn: string;
  /** Every script and style sheet the page loaded, by URL path, with its gzip size. */
  readonly files: ReadonlyArray<{ readonly file: string; readonly bytes: number; readonly gzipBytes: number }>;
  readonly bytes: number;
  readonly gzipBytes: number;
}

export interface ToDoTimes {
  readonly person: string;
  readonly loads: number;
  /** Navigation start to To do's sections holding their content, each load. */
  readonly samplesMs: ReadonlyArray<number>;
  readonly medianMs: number;
  readonly p90Ms: number;
  /** Navigation start to the page's heading (the app up, its reads under way), median. */
  readonly headingMedianMs: number;
}

export interface WebAppResults {
  readonly firstPage: FirstPageWeight;
  readonly toDo: ToDoTimes;
}

/**
 * Run in every page before its own scripts (a string: the bench compiles without the DOM's
 * types): records, on the page's own clock (0 = navigation start), when main first shows a
 * heading (the app is up, its reads under way) and when To do has its heading and sections
 * and nothing in main still says it is loading (its content is there).
 */
const RECORD_TO_DO_READY = `
  window.toDoTimes = {};
  new MutationObserver((_, observer) => {
    const main = document.querySelector("main");
    if (!main || !main.querySelector("h1")) return;
    window.toDoTimes.headingAt ??= performance.now();
    if (main.querySelectorAll("section").length > 0 && main.querySelector(".loading") === null) {
      window.toDoTimes.readyAt = performance.now();
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true, characterData: true });
`;

interface Marks {
  readonly headingAt?: number;
  readonly readyAt?: number;
}

/**
 * (a) What the first page weighs: `/` in a fresh profile with an empty cache, signed out (the
 * app moves on to the sign-in page); every script and style sheet the browser received,
 * gzipped here at zlib's default level (the server sends them uncompressed; a proxy in
 * front would compress them about so).
 */
async function measureFirstPage(browser: Browser, url: string): Promise<FirstPageWeight> {
  const context = await browser.newContext({ locale: "sv-SE" });
  const page = await context.newPage();
  const loaded: Array<Promise<FirstPageWeight["files"][number]>> = [];
  page.on("response", (response) => {
    const type = response.request().resourceType();
    if (type !== "script" && type !== "stylesheet") return;
    loaded.push(
      response.body().then((body) => ({
        file: new URL(response.url()).pathname,
        bytes: body.length,
        gzipBytes: gzipSync(body).length,
      })),
    );
  });
  await page.goto(`${url}/`, { waitUntil: "networkidle" });
  await page.getByRole("button", { name: `Logga in som ${PERSON}` }).waitFor();
  const files = await Promise.all(loaded);
  const landedOn = new URL(page.url()).pathname;
  await context.close();
  return {
    path: "/",
    landedOn,
    files,
    bytes: files.reduce((sum, file) => sum + file.bytes, 0),
    gzipBytes: files.reduce((sum, file) => sum + file.gzipBytes, 0),
  };
}

/** Signs in on the development page, as the person the button names, and waits for To do. */
async function signIn(context: BrowserContext, url: string): Promise<void> {
  const page = await context.newPage();
  await page.goto(`${url}/logga-in`);
  await page.getByRole("button", { name: `Logga in som ${PERSON}` }).click();
  await page.getByRole("heading", { level: 1, name: "Att göra" }).waitFor();
  await page.close();
}

/**
 * (b) To do's time to content, as a returning user: one profile signed in once, its session
 * cookie and HTTP cache kept (the hashed assets are cached as immutable), then `loads` fresh
 * tabs each loading `/` from scratch, timed from navigation start to To do's content.
 */
async function measureToDo(browser: Browser, url: string, loads: number): Promise<ToDoTimes> {
  const context = await browser.newContext({ locale: "sv-SE", timezoneId: "Europe/Stockholm" });
  await context.addInitScript({ content: RECORD_TO_DO_READY });
  await signIn(context, url);
  const samplesMs: number[] = [];
  const headingSamplesMs: number[] = [];
  for (let load = 0; load < loads; load++) {
    const page = await context.newPage();
    await page.goto(`${url}/`);
    // Functions, not strings: the app's CSP forbids eval, which a string predicate needs.
    const marks = await page.waitForFunction(
      () => {
        const times = (globalThis as { toDoTimes?: Marks }).toDoTimes;
        return times?.readyAt === undefined ? undefined : times;
      },
      undefined,
      { timeout: 30_000 },
    );
    const { headingAt, readyAt } = (await marks.jsonValue())!;
    samplesMs.push(round(readyAt!, 1));
    headingSamplesMs.push(round(headingAt!, 1));
    await page.close();
  }
  await context.close();
  return {
    person: PERSON,
    loads,
    samplesMs,
    medianMs: round(percentile(samplesMs, 50), 1),
    p90Ms: round(percentile(samplesMs, 90), 1),
    headingMedianMs: round(percentile(headingSamplesMs, 50), 1),
  };
}

/**
 * The web app as its users get it: the real server on a fresh store with the demo and
 * development sign-in (no AUTH_JWT_SECRET), serving the built app from dist/web, and
 * Chromium headless on the same machine (no network latency: the figures are the app's own).
 */
export async function benchWebApp(loads: number): Promise<WebAppResults> {
  if (!existsSync(CHROMIUM)) throw new Error(`The web app bench needs Chromium at ${CHROMIUM} (or BENCH_CHROMIUM)`);
  const dataDir = mkdtempSync(join(process.env.BENCH_DIR ?? tmpdir(), "mandat-bench-web-"));
  const server = await startBenchServer(dataDir, { MANDAT_DEMO: "on" });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  try {
    const firstPage = await measureFirstPage(browser, server.url);
    const toDo = await measureToDo(browser, server.url, loads);
    return { firstPage, toDo };
  } finally {
    await browser.close();
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
