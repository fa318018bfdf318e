import type { Clause, Mandate } from "../../api/types";

/** The terms of a mandate that are lists of clauses, and the letter their ids start with (docs/domain.md "Clauses"). */
export const TERMS = ["scope", "boundaries", "principles"] as const;
export type Term = (typeof TERMS)[number];
export const LETTER: Readonly<Record<Term, "S" | "B" | "P">> = { scope: "S", boundaries: "B", principles: "P" };

/**
 * A form's clauses, each term as two lists of one length: the texts, and the ids ("" for a
 * clause not yet numbered). Plain lists of strings, as a command form's draft holds; the id
 * stays beside its text however the text is reworded, so an amendment can name it.
 */
export interface ClauseLists {
  scope: ReadonlyArray<string>;
  scopeIds: ReadonlyArray<string>;
  boundaries: ReadonlyArray<string>;
  boundariesIds: ReadonlyArray<string>;
  principles: ReadonlyArray<string>;
  principlesIds: ReadonlyArray<string>;
}

export const idsOf = (term: Term) => `${term}Ids` as const;

export const noClauses: ClauseLists = {
  scope: [],
  scopeIds: [],
  boundaries: [],
  boundariesIds: [],
  principles: [],
  principlesIds: [],
};

/** The mandate's clauses of one term, in order. */
export const clausesOfTerm = (mandate: Mandate, term: Term): ReadonlyArray<Clause> =>
  mandate.clauses.filter((clause) => clause.id.startsWith(LETTER[term]));

/** The clauses in force, as the amendment form starts from them: each with its id. */
export function clauseListsOf(mandate: Mandate): ClauseLists {
  const lists = { ...noClauses };
  for (const term of TERMS) {
    const clauses = clausesOfTerm(mandate, term);
    lists[term] = clauses.map((clause) => clause.text);
    lists[idsOf(term)] = clauses.map((clause) => clause.id);
  }
  return lists;
}

/** A term as an amendment restates it: a kept clause names its id, so a new wording keeps it. */
export const clauseItems = (lists: ClauseLists, term: Term): Array<{ id?: string; text: string }> =>
  lists[term].map((text, index) => {
    const id = lists[idsOf(term)][index] ?? "";
    return id === "" ? { text } : { id, text };
  });

/** Whether the form's list of a term differs from the clauses in force (order, wording, added or removed). */
export function termChanged(mandate: Mandate, lists: ClauseLists, term: Term): boolean {
  const before = clausesOfTerm(mandate, term);
  const texts = lists[term];
  const ids = lists[idsOf(term)];
  return (
    before.length !== texts.length ||
    before.some((clause, index) => clause.id !== ids[index] || clause.text !== texts[index]!.trim())
  );
}
