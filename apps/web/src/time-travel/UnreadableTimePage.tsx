import { Link } from "react-aria-components";
import { useDocumentTitle } from "../components/document-title";
import { useMessages } from "../i18n/define-messages";
import { usePath, useSearch } from "../router";
import { messages } from "./messages";
import { AS_OF_PARAMETER, AT_PARAMETER, unreadableTime } from "./time";

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
        {m.unreadableFix} <Link href={readable(path, search)}>{m.unreadableToday}</Link>.
      </p>
    </div>
  );
}

/** The address without the time machine's values, nor any other that cannot be read (a period's): today's page. */
function readable(path: string, search: string): string {
  const query = new URLSearchParams(search);
  for (const parameter of [AT_PARAMETER, AS_OF_PARAMETER, ...unreadableTime(search).map((value) => value.parameter)]) {
    query.delete(parameter);
  }
  const rest = query.toString();
  return rest ? `${path}?${rest}` : path;
}
