import { Link } from "react-aria-components";
import { useDocumentTitle } from "../components/document-title";
import { useMessages } from "../i18n/define-messages";
import { usePath, useSearch } from "../router";
import { messages } from "./messages";
import { unreadableTime, withTime } from "./time";

/**
 * In place of a page whose address names a time that cannot be read (`?galler=2024-02-30`):
 * what is wrong, by field, and a way to today's page, rather than today's page shown as if it
 * were the past the link meant.
 */
export function UnreadableTimePage() {
  const m = useMessages(messages);
  const path = usePath();
  const search = useSearch();
  useDocumentTitle(m.unreadableTitle);
  return (
    <div role="alert">
      <h1>{m.unreadableTitle}</h1>
      <p>{m.unreadableIntro}</p>
      <ul>
        {unreadableTime(search).map(({ parameter, text }) => (
          <li key={parameter}>
            {m.unreadableParameter[parameter] ?? parameter}: <code>{text}</code>
          </li>
        ))}
      </ul>
      <p>
        {m.unreadableFix} <Link href={withTime(path, search, { at: null, asOf: null })}>{m.unreadableToday}</Link>.
      </p>
    </div>
  );
}
