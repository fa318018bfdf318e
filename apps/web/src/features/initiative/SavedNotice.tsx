import { FocusedNotice } from "../../components/FocusedNotice";
import { useMessages } from "../../i18n/define-messages";
import { SENT_PARAMETER, useSearch } from "../../router";
import { messages } from "./messages";

/** What a form just saved, said at the top of the page it came back to (`?skickad=…`, see sent.ts), focused. */
export function SavedNotice() {
  const m = useMessages(messages);
  const saved = new URLSearchParams(useSearch()).get(SENT_PARAMETER);
  const text = saved === null ? undefined : (m.saved[saved === "" ? "signal" : saved] ?? m.saved.signal);
  return text === undefined ? null : <FocusedNotice key={saved} text={text} />;
}
