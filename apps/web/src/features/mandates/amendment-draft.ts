import type { Mandate } from "../../api/types";
import type { SummaryItem } from "../../components/ErrorSummary";
import type { DraftValue } from "../../forms/use-command-form";
import { todayInStockholm } from "../../i18n/format";
import { type ClauseLists, TERMS, clauseItems, clauseListsOf, termChanged } from "./clause-draft";
import { decisionOf } from "./DecisionChoice";

/** The amendment form's fields, as typed (also within the answer to a signal). */
export interface AmendmentValues extends ClauseLists {
  steering: string;
  budgetSek: string;
  reason: string;
  effectiveFrom: string;
  decision: string;
}

/** The same, as a command form's draft. */
export interface AmendmentDraft extends AmendmentValues, Record<string, DraftValue> {}

/** The names of the amendment's fields, where an error path may point. */
export const AMENDMENT_FIELDS = [...TERMS, "steering", "budgetSek", "reason", "effectiveFrom", "decision"] as const;

/** The form as it opens: the terms in force, each clause with its id; in effect from today. */
export const initialAmendment = (mandate: Mandate): AmendmentDraft => ({
  ...clauseListsOf(mandate),
  steering: mandate.steering,
  budgetSek: mandate.budgetSek === null ? "" : String(mandate.budgetSek),
  reason: "",
  effectiveFrom: todayInStockholm(),
  decision: "",
});

/** A budget as typed: whole kronor (spaces allowed, as Swedes write 150 000), none when empty, or not a number. */
export function budgetOf(text: string): number | undefined | "not-a-number" {
  const digits = text.replace(/\s/g, "");
  if (digits === "") return undefined;
  return /^\d+$/.test(digits) ? Number(digits) : "not-a-number";
}

const budgetChanged = (mandate: Mandate, draft: AmendmentDraft): boolean => {
  const budget = budgetOf(draft.budgetSek);
  return typeof budget === "number" && budget !== mandate.budgetSek;
};

/** Whether the draft changes any term of the mandate. */
export const changesAnything = (mandate: Mandate, draft: AmendmentDraft): boolean =>
  TERMS.some((term) => termChanged(mandate, draft, term)) || draft.steering !== mandate.steering || budgetChanged(mandate, draft);

/**
 * The amendment's body (AmendMandateInput without the ids in its path): only the terms that
 * changed, a changed list restated whole with each kept clause naming its id.
 */
export function amendmentBody(mandate: Mandate, draft: AmendmentDraft, triggeredBy?: { signalId: string }): unknown {
  const budget = budgetOf(draft.budgetSek);
  const changedTerms = TERMS.filter((term) => termChanged(mandate, draft, term));
  const decision = decisionOf(draft.decision);
  return {
    changes: {
      ...Object.fromEntries(changedTerms.map((term) => [term, clauseItems(draft, term)])),
      ...(draft.steering === mandate.steering ? {} : { steering: draft.steering }),
      ...(budgetChanged(mandate, draft) ? { budgetSek: budget } : {}),
    },
    reason: draft.reason,
    effectiveFrom: draft.effectiveFrom,
    ...(decision ? { decision } : {}),
    ...(triggeredBy ? { triggeredBy } : {}),
  };
}

/** The checks the schema cannot word for people: a budget in digits, and a change at all. */
export function amendmentChecks(
  mandate: Mandate,
  draft: AmendmentDraft,
  words: { budgetNotANumber: string; nothingChanged: string },
): SummaryItem[] {
  if (budgetOf(draft.budgetSek) === "not-a-number") return [{ fieldId: "budgetSek", message: words.budgetNotANumber }];
  if (!changesAnything(mandate, draft)) return [{ fieldId: "scope", message: words.nothingChanged }];
  return [];
}

/** Where an error of the amendment points: `body.changes.scope.2.text` → `scope`. */
export function amendmentFieldOf(path: string): (typeof AMENDMENT_FIELDS)[number] | undefined {
  const name =
    path
      .replace(/^(body\.|amendment\.)+/, "")
      .replace(/^changes\./, "")
      .split(".")[0] ?? "";
  return (AMENDMENT_FIELDS as ReadonlyArray<string>).includes(name) ? (name as (typeof AMENDMENT_FIELDS)[number]) : undefined;
}

/** The rules that are about one of the amendment's fields, by problem type. */
export const AMENDMENT_RULE_FIELDS = {
  "/problems/effective-date-outside-validity": "effectiveFrom",
  "/problems/clause-not-in-mandate": "scope",
  "/problems/decision-not-found": "decision",
} as const;
