import { type Clause, type ClauseId, type MandateTerms, clausesOf } from "#domain";
import type Database from "better-sqlite3";
import { type ClauseCitations, type PositionCounts, countsPerClause, signalsPerClause } from "../signal-inbox/queries.js";

/** One clause of a mandate's terms with the signals that cite it, by where they stand. */
export interface ClauseView {
  readonly id: ClauseId;
  readonly text: string;
  readonly signals: PositionCounts;
}

const NONE: PositionCounts = { within: 0, "at-edge": 0, beyond: 0 };

/** The terms as the views show them: each term's texts (as v1 clients read them), and every clause, scope first. */
export const termsShown = (terms: MandateTerms) => ({
  scope: terms.scope.map((clause) => clause.text),
  boundaries: terms.boundaries.map((clause) => clause.text),
  principles: terms.principles.map((clause) => clause.text),
  clauses: clausesOf(terms),
});

/**
 * Each clause with the signals citing it (from the signal inbox: submitted by `asOf`, not
 * withdrawn, observed from `from` through `until`), none where none do.
 */
export function withSignals(
  db: Database.Database,
  mandateId: string,
  clauses: ReadonlyArray<Clause>,
  window: { readonly asOf?: string; readonly from?: string; readonly until?: string },
): ClauseView[] {
  return withCounts(clauses, signalsPerClause(db, mandateId, window));
}

/** `withSignals` of citations read beforehand (`clauseCitations`), for many versions of a mandate at once. */
export function withCitations(
  clauses: ReadonlyArray<Clause>,
  citations: ReadonlyArray<ClauseCitations>,
  window: { readonly from?: string; readonly until?: string },
): ClauseView[] {
  return withCounts(clauses, citations.length === 0 ? NO_COUNTS : countsPerClause(citations, window));
}

const NO_COUNTS: ReadonlyMap<string, PositionCounts> = new Map();

const withCounts = (clauses: ReadonlyArray<Clause>, counts: ReadonlyMap<string, PositionCounts>): ClauseView[] =>
  clauses.map(({ id, text }) => ({ id, text, signals: counts.get(id) ?? NONE }));
