import { DOCS_PAGE_STYLE } from "../openapi/docs-page.js";
import type { ProblemDescription } from "./problem-catalogue.js";

const escape = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/** `code` in the explanations, as the page shows it. */
const withCode = (text: string): string => escape(text).replace(/`([^`]+)`/g, "<code>$1</code>");

/**
 * The page of one problem type, Swedish first (the users are Swedish municipalities), then
 * English, each section marked with its language. It uses the /docs page's style, the one
 * inline style the content security policy allows (by its hash), and no script.
 */
export function problemPage(problem: ProblemDescription): string {
  const section = (language: "sv" | "en", headings: { meaning: string; whatToDo: string }) => `
<section lang="${language}">
  <h2>${escape(problem.title[language])}</h2>
  <h3>${headings.meaning}</h3>
  <p>${withCode(problem.meaning[language])}</p>
  <h3>${headings.whatToDo}</h3>
  <p>${withCode(problem.whatToDo[language])}</p>
</section>`;
  return `<!doctype html>
<html lang="sv"><head><meta charset="utf-8"><title>${escape(problem.title.sv)} / ${escape(problem.title.en)}</title>
<style>${DOCS_PAGE_STYLE}</style></head><body>
<h1><code>${escape(problem.type)}</code> <small>HTTP ${problem.status}</small></h1>
${section("sv", { meaning: "Vad det betyder", whatToDo: "Vad du kan göra" })}
${section("en", { meaning: "What it means", whatToDo: "What to do" })}
<p><a href="/docs">API</a></p>
</body></html>`;
}
