import { Link } from "react-aria-components";
import { useMessages } from "../i18n/define-messages";
import { formatDate } from "../i18n/format";
import { useLanguage } from "../i18n/language";
import { usePath, useSearch } from "../router";
import { focusAfterTimeChange, takeFocusIfWanted } from "./focus-after-time-change";
import { type PastSubject, messages } from "./messages";
import { withTime } from "./time";
import { useTimeTravel } from "./use-time-travel";
import "./time-travel.css";

/** "1 november 2024 kl. 12.00" from `2024-11-01T12:00` (Stockholm), or the day's end for a bare date. */
export function useAsOfInWords(): (asOf: string) => string {
  const m = useMessages(messages);
  const { language } = useLanguage();
  return (asOf) => {
    const [date, time] = asOf.split("T") as [string, string | undefined];
    if (time === undefined) return `${formatDate(date, language)} ${m.endOfDay}`;
    const [hour, minute] = time.split(":") as [string, string];
    return `${formatDate(date, language)} ${m.time(hour, minute)}`;
  };
}

/**
 * Says in words, at the top of a page, that it shows the past (and that nothing can be
 * written there), with a link back to today; nothing when the page shows now.
 */
export function PastBanner({ subject }: { subject: PastSubject }) {
  const m = useMessages(messages);
  const { language } = useLanguage();
  const time = useTimeTravel();
  const asOfInWords = useAsOfInWords();
  const path = usePath();
  const search = useSearch();
  if (!time.inPast) return null;
  return (
    // Focusable from script: focus comes here when the time shown changes (focusAfterTimeChange).
    <div role="status" className="past-banner" tabIndex={-1} ref={takeFocusIfWanted}>
      <p>
        <strong>
          {m.banner(
            m.subject[subject],
            time.at ? formatDate(time.at, language) : null,
            time.asOf ? asOfInWords(time.asOf) : null,
          )}
        </strong>{" "}
        {m.readOnly}
      </p>
      <p>
        <Link href={withTime(path, search, { at: null, asOf: null })} onPress={() => focusAfterTimeChange(false)}>
          {m.backToToday}
        </Link>
      </p>
    </div>
  );
}
