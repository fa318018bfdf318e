/** A clause as a version of a mandate words it, or as a form holds it (a new one has no id yet). */
export interface WordedClause {
  readonly id?: string;
  readonly text: string;
}

/** What became of one clause between two wordings of a term: each shown before and after. */
export type ClauseChange =
  | { readonly kind: "added"; readonly id: string | undefined; readonly after: string }
  | { readonly kind: "removed"; readonly id: string; readonly before: string }
  | { readonly kind: "reworded"; readonly id: string; readonly before: string; readonly after: string }
  | { readonly kind: "unchanged"; readonly id: string; readonly text: string };

/**
 * Each clause of one term, before and after, matched by id: a mandate's history (what an
 * amendment restated) and an amendment's form (what it is about to change) both say it so.
 */
export function clauseChanges(
  before: ReadonlyArray<{ readonly id: string; readonly text: string }>,
  after: ReadonlyArray<WordedClause>,
): ClauseChange[] {
  const changes: ClauseChange[] = after.map((clause) => {
    const was = clause.id === undefined ? undefined : before.find((each) => each.id === clause.id);
    if (was === undefined) return { kind: "added", id: clause.id, after: clause.text };
    if (was.text === clause.text) return { kind: "unchanged", id: was.id, text: clause.text };
    return { kind: "reworded", id: was.id, before: was.text, after: clause.text };
  });
  for (const clause of before) {
    if (!after.some((each) => each.id === clause.id)) changes.push({ kind: "removed", id: clause.id, before: clause.text });
  }
  return changes;
}
