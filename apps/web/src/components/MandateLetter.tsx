import type { ReactNode } from "react";
import type { Clause, Mandate } from "../api/types";
import { formatDate } from "../i18n/format";
import { useLanguage } from "../i18n/language";

/** A clause's kind by its id's letter: S scope, B boundaries (gränser), P principles (domain.md "Clauses"). */
const clausesOf = (mandate: Mandate, letter: "S" | "B" | "P"): ReadonlyArray<Clause> =>
  mandate.clauses.filter((clause) => clause.id.startsWith(letter));

/**
 * The mandate in force, set out as the mandate letter (mandatbrev) the Core Team grants:
 * each clause with its id, which signals and amendments cite, and how many signals press on it.
 * `children` close the letter: the decision behind it (features/initiative/MandateDecision.tsx).
 */
export function MandateLetter({ mandate, children }: { mandate: Mandate; children?: ReactNode }) {
  const { language, t } = useLanguage();
  const terms = [
    { letter: "S", title: t.scope },
    { letter: "B", title: t.boundaries },
    { letter: "P", title: t.principles },
  ] as const;
  return (
    <section aria-labelledby="mandate-letter" className="mandate-letter">
      <h2 id="mandate-letter">{t.mandateLetter}</h2>
      {terms.map(({ letter, title }) => (
        <div key={letter}>
          <h3>{title}</h3>
          <dl className="clauses">
            {clausesOf(mandate, letter).map((clause) => (
              <div key={clause.id} className="clause">
                <dt>{clause.id}</dt>
                <dd>
                  {clause.text}
                  <span className="note">
                    {t.clauseSignals(clause.signals.within, clause.signals["at-edge"], clause.signals.beyond)}
                  </span>
                </dd>
              </div>
            ))}
          </dl>
        </div>
      ))}
      <dl className="facts">
        <dt>{t.steering}</dt>
        <dd>{t.steeringValue[mandate.steering] ?? mandate.steering}</dd>
        <dt>{t.validity}</dt>
        <dd>
          {t.validFromTo(
            formatDate(mandate.validFrom, language),
            mandate.validUntil ? formatDate(mandate.validUntil, language) : null,
          )}
        </dd>
        <dt>{t.budget}</dt>
        <dd>{mandate.budgetSek === null ? t.noBudget : t.sek(mandate.budgetSek)}</dd>
      </dl>
      {children}
    </section>
  );
}
