import { QueryState } from "../../components/QueryState";
import { useMessages } from "../../i18n/define-messages";
import { formatDate } from "../../i18n/format";
import { useLanguage } from "../../i18n/language";
import { messages } from "./messages";
import { useReadings } from "./queries";

/** How many readings a goal shows: the latest few say where it stands. */
const SHOWN = 5;

/** A goal's latest indicator readings (mätvärden), newest first, as a small table. */
export function GoalReadings({ initiativeId, goalId, statement }: { initiativeId: string; goalId: string; statement: string }) {
  const m = useMessages(messages);
  const { language } = useLanguage();
  const readings = useReadings(initiativeId, goalId);
  const number = new Intl.NumberFormat(language === "sv" ? "sv-SE" : "en-GB", { maximumFractionDigits: 6 });
  return (
    <QueryState query={readings}>
      {(list) => {
        if (list.length === 0) return <p className="note">{m.readingsNone}</p>;
        const latest = [...list].reverse().slice(0, SHOWN);
        return (
          <>
            <table className="readings">
              <caption>{m.readingsOf(statement)}</caption>
              <thead>
                <tr>
                  <th scope="col">{m.readingDate}</th>
                  <th scope="col">{m.readingValue}</th>
                  <th scope="col">{m.readingNote}</th>
                </tr>
              </thead>
              <tbody>
                {latest.map((reading) => (
                  <tr key={reading.readingId}>
                    <td>{formatDate(reading.on, language)}</td>
                    <td>
                      {number.format(reading.value)} {reading.unit}
                    </td>
                    <td>{reading.note ?? ""}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {list.length > SHOWN && <p className="note">{m.latestReadings(SHOWN, list.length)}</p>}
          </>
        );
      }}
    </QueryState>
  );
}
