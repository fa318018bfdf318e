import type { Mandate } from "../../api/types";
import { ClauseChangeList } from "../../components/ClauseChangeList";
import { clauseChanges } from "../../components/clause-changes";
import { useMessages } from "../../i18n/define-messages";
import { useLanguage } from "../../i18n/language";
import type { AmendmentDraft } from "./amendment-draft";
import { budgetOf } from "./amendment-draft";
import { TERMS, clausesOfTerm, idsOf } from "./clause-draft";
import { messages } from "./messages";

/**
 * What the amendment changes, shown before it is sent as the mandate's history will show it:
 * each clause of each term before and after, then steering and budget.
 */
export function ChangeSummary({ mandate, draft }: { mandate: Mandate; draft: AmendmentDraft }) {
  const { t } = useLanguage();
  const m = useMessages(messages);
  const terms = TERMS.map((term) => {
    // A clause of the form keeps the id of the clause in force it rewords; a new one has none yet.
    const after = draft[term]
      .map((text, index) => ({ id: draft[idsOf(term)][index] || undefined, text: text.trim() }))
      .filter((clause) => clause.text !== "");
    const changed = clauseChanges(clausesOfTerm(mandate, term), after).filter((change) => change.kind !== "unchanged");
    return { term, changed };
  }).filter(({ changed }) => changed.length > 0);
  const others: string[] = [];
  if (draft.steering !== mandate.steering) others.push(m.steeringChanged(m.steeringOption[draft.steering] ?? draft.steering));
  const budget = budgetOf(draft.budgetSek);
  if (typeof budget === "number" && budget !== mandate.budgetSek) others.push(m.budgetChanged(t.sek(budget)));
  return (
    <section aria-labelledby="changes-title" className="change-summary">
      <h2 id="changes-title">{m.changesTitle}</h2>
      {terms.length === 0 && others.length === 0 && <p>{m.noChanges}</p>}
      {terms.map(({ term, changed }) => (
        <div key={term}>
          <h3>{t[term]}</h3>
          <ClauseChangeList changes={changed} />
        </div>
      ))}
      {others.length > 0 && (
        <ul>
          {others.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
