import type { Mandate } from "../../api/types";
import { useMessages } from "../../i18n/define-messages";
import { useLanguage } from "../../i18n/language";
import type { AmendmentDraft } from "./amendment-draft";
import { budgetOf } from "./amendment-draft";
import { TERMS, clauseChanges } from "./clause-draft";
import { messages } from "./messages";

/** What the amendment changes, said in short before it is sent: clause by clause, then steering and budget. */
export function ChangeSummary({ mandate, draft }: { mandate: Mandate; draft: AmendmentDraft }) {
  const { t } = useLanguage();
  const m = useMessages(messages);
  const lines: string[] = [];
  for (const term of TERMS) {
    for (const change of clauseChanges(mandate, draft, term)) {
      if (change.kind === "added") lines.push(m.added(t[term], change.text));
      else if (change.kind === "reworded") lines.push(m.changed(change.id, change.text));
      else lines.push(m.removed(change.id, change.text));
    }
  }
  if (draft.steering !== mandate.steering) lines.push(m.steeringChanged(m.steeringOption[draft.steering] ?? draft.steering));
  const budget = budgetOf(draft.budgetSek);
  if (typeof budget === "number" && budget !== mandate.budgetSek) lines.push(m.budgetChanged(t.sek(budget)));
  return (
    <section aria-labelledby="changes-title" className="change-summary">
      <h2 id="changes-title">{m.changesTitle}</h2>
      {lines.length === 0 ? (
        <p>{m.noChanges}</p>
      ) : (
        <ul>
          {lines.map((line, index) => (
            <li key={index}>{line}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
