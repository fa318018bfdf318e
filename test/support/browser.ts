import { existsSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { type Browser, type BrowserContext, type Page, chromium } from "playwright-core";
import { expect } from "vitest";

/**
 * Browser tests drive Debian's Chromium (`apt-get install chromium`; .ci/run installs it):
 * Playwright cannot download its own browsers here. playwright-core only, driven from vitest.
 */
export const CHROMIUM = "/usr/bin/chromium";

export function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`The browser tests need Chromium at ${CHROMIUM}: apt-get install -y chromium`);
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

/** A fresh browser profile speaking `locale` (its Accept-Language and navigator.languages). */
export const newContext = (browser: Browser, locale = "sv-SE"): Promise<BrowserContext> =>
  browser.newContext({ locale, timezoneId: "Europe/Stockholm" });

/** axe-core's WCAG 2.1 AA rules and its best practices find nothing on the page as it is now. */
export async function expectAccessible(page: Page, where: string): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"])
    .analyze();
  const violations = results.violations.map(
    (violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(" ")).join(", ")})`,
  );
  expect(violations, `axe on ${where}`).toEqual([]);
}

/**
 * The focused element's text and labels, run in the page (a string: the tests compile without
 * the DOM's types): its own text and aria-label, the texts its aria-labelledby names, and the
 * label around it.
 */
const FOCUSED_NAME = `(() => {
  const element = document.activeElement;
  if (!element) return "";
  const labelledBy = (element.getAttribute("aria-labelledby") ?? "")
    .split(" ")
    .map((id) => document.getElementById(id)?.textContent ?? "")
    .join(" ");
  return [element.textContent, element.getAttribute("aria-label"), labelledBy, element.closest("label")?.textContent].join(" ");
})()`;

/**
 * Presses Tab (or Shift+Tab) until the focused element's text or label matches `name`, as
 * someone with a keyboard alone would; fails after `limit` presses.
 */
export async function tabTo(page: Page, name: RegExp, limit = 40): Promise<void> {
  for (let presses = 0; presses < limit; presses++) {
    await page.keyboard.press("Tab");
    const focused = await page.evaluate<string>(FOCUSED_NAME);
    if (name.test(focused)) return;
  }
  throw new Error(`Nothing matching ${name} took focus within ${limit} presses of Tab`);
}

/** Waits for what the page shows next: generous, for a loaded machine running the whole suite. */
export const eventually = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 15_000 });

/**
 * Signs in on the development page (a server started with `secret: null`) as one of the
 * people it lists, by the name on its button, and waits for To do.
 */
export async function signInAs(page: Page, serverUrl: string, name: string): Promise<void> {
  await page.goto(`${serverUrl}/logga-in`);
  await page
    .getByRole("button", { name: new RegExp(`^(Logga in som|Sign in as) ${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`) })
    .first()
    .click();
  await eventually(() => page.getByRole("heading", { level: 1, name: /^(Att göra|To do)$/ }).isVisible()).toBe(true);
}

/**
 * Collects what the content security policy blocks on the page, from its first script on
 * (page scripts as strings: the tests compile without the DOM's types).
 */
export const watchPolicyViolations = (page: Page) =>
  page.addInitScript({
    content: `window.policyViolations = [];
      document.addEventListener("securitypolicyviolation", (event) =>
        window.policyViolations.push(event.violatedDirective + " by " + event.sourceFile + ":" + event.lineNumber));`,
  });

export const policyViolations = (page: Page): Promise<string[]> => page.evaluate<string[]>("window.policyViolations");
