import { z } from "zod";
import { TEXT_LIMITS, shortText } from "../shared/schema-primitives.js";

/**
 * The terms of a mandate that are lists of clauses, each with the letter its clause ids
 * start with: S1, S2 … (scope, omfattning), B1 … (boundaries, gränser), P1 … (principles,
 * principer).
 */
export const CLAUSE_LETTER = { scope: "S", boundaries: "B", principles: "P" } as const;
export type ClauseKind = keyof typeof CLAUSE_LETTER;
export const CLAUSE_KINDS = Object.keys(CLAUSE_LETTER) as ReadonlyArray<ClauseKind>;

export const ClauseId = z
  .string()
  .regex(/^[SBP][1-9][0-9]{0,3}$/, "a clause id: S, B or P and a number, such as S2")
  .describe("A clause's id within its mandate: S1, S2 … scope; B1 … boundaries; P1 … principles");
export type ClauseId = z.infer<typeof ClauseId>;

/** One item of a mandate's scope, boundaries or principles, with the id it keeps through amendments. */
export const Clause = z.strictObject({ id: ClauseId, text: shortText });
export type Clause = z.infer<typeof Clause>;

/**
 * A clause as a command or an amendment states it: `id` names the clause whose text it
 * rewords; without one, `carryClauseIds` gives it its id. Amendments recorded before
 * clauses had ids (MandateAmended schemaVersion 1) carry none: they are numbered while
 * folding, as the decider numbered the ones after them.
 */
export const ClauseItem = z.strictObject({ id: ClauseId.optional(), text: shortText });
export type ClauseItem = z.infer<typeof ClauseItem>;

/**
 * A clause as a caller states it: its text alone, as v1 clients send terms, or { id?, text }
 * to reword a clause by its id. Read as a ClauseItem.
 */
export const ClauseInput = z.union([shortText.transform((text): ClauseItem => ({ text })), ClauseItem]);

/** The ids the items name, in order. */
export const namedClauseIds = (items: ReadonlyArray<ClauseItem>): ClauseId[] =>
  items.flatMap((item) => (item.id === undefined ? [] : [item.id]));

const idsOnce = (items: ReadonlyArray<ClauseItem>) => {
  const ids = namedClauseIds(items);
  return new Set(ids).size === ids.length;
};
const listOf = <Item extends z.ZodType<ClauseItem>>(item: Item) =>
  z.array(item).max(TEXT_LIMITS.list).refine(idsOnce, { message: "each clause id appears once in a list" });

export const clauseList = listOf(Clause);
export const clauseItemList = listOf(ClauseItem);
export const clauseInputList = listOf(ClauseInput);

const numberOf = (id: ClauseId): number => Number(id.slice(1));

/** The highest number among the ids, 0 for none. */
export const highestClauseNumber = (clauses: ReadonlyArray<ClauseItem>): number =>
  clauses.reduce((highest, { id }) => (id === undefined ? highest : Math.max(highest, numberOf(id))), 0);

/**
 * The clauses a restated list of one kind makes, in the order of its items, given the
 * clauses of that kind it replaces (`before`) and the highest number the mandate has used
 * for the kind (`used`), so that no id is given twice, not even after its clause went:
 *   - an item that names an id keeps it (the decider checks that `before` has it);
 *   - an item without one whose text is that of a clause in `before`, not claimed by
 *     another item, keeps that clause's id;
 *   - any other takes the next number after `used`.
 * `used` comes back raised by the numbers given. The decider numbers a command's clauses
 * with it, and the fold the clauses of amendments recorded before ids existed: one reading.
 */
export function carryClauseIds(
  kind: ClauseKind,
  before: ReadonlyArray<Clause>,
  items: ReadonlyArray<ClauseItem>,
  used: number,
): { readonly clauses: Clause[]; readonly used: number } {
  const named = new Set(namedClauseIds(items));
  // Unclaimed ids by text, first clause first, so that repeated texts keep their ids in order.
  const unclaimed = new Map<string, ClauseId[]>();
  for (const clause of before) {
    if (named.has(clause.id)) continue;
    const ids = unclaimed.get(clause.text);
    if (ids) ids.push(clause.id);
    else unclaimed.set(clause.text, [clause.id]);
  }
  let highest = Math.max(used, highestClauseNumber(items));
  const clauses = items.map(({ id, text }): Clause => {
    const kept = id ?? unclaimed.get(text)?.shift();
    return { id: kept ?? `${CLAUSE_LETTER[kind]}${++highest}`, text };
  });
  return { clauses, used: highest };
}

/** The ids the items name that `before` does not have, in the order named. */
export const unknownClauseIds = (before: ReadonlyArray<Clause>, items: ReadonlyArray<ClauseItem>): ClauseId[] => {
  const known = new Set(before.map((clause) => clause.id));
  return items.flatMap(({ id }) => (id === undefined || known.has(id) ? [] : [id]));
};

/** A grant's clauses: numbered in order from 1. */
export const numberedInOrder = (kind: ClauseKind, texts: ReadonlyArray<string>): Clause[] =>
  texts.map((text, index) => ({ id: `${CLAUSE_LETTER[kind]}${index + 1}`, text }));
