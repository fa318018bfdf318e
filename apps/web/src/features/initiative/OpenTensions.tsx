import type { InitiativeOverview } from "../../api/types";
import { useMessages } from "../../i18n/define-messages";
import { formatDate } from "../../i18n/format";
import { useLanguage } from "../../i18n/language";
import { messages } from "./messages";

/** The overview's tension, with the escalation the API answers beside it. */
type OpenTension = InitiativeOverview["openTensions"][number] & { readonly escalatedTo?: string | null };

/** The tensions still open, oldest first: category, intensity (1–5) and since when. */
export function OpenTensions({ tensions }: { tensions: ReadonlyArray<OpenTension> }) {
  const { language, t } = useLanguage();
  const m = useMessages(messages);
  return (
    <section aria-labelledby="open-tensions">
      <h2 id="open-tensions">{t.openTensions}</h2>
      {tensions.length === 0 ? (
        <p>{t.openTensionsNone}</p>
      ) : (
        <ul>
          {tensions.map((tension) => (
            <li key={tension.tensionId}>
              {t.tensionCategory[tension.category] ?? tension.category}, {t.intensity} {tension.intensity}/5, {m.since}{" "}
              {formatDate(tension.raisedOn, language)}
              {tension.escalatedTo && <>, {m.escalatedTo[tension.escalatedTo] ?? tension.escalatedTo}</>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
