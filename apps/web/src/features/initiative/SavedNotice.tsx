import { useEffect, useRef } from "react";
import { useMessages } from "../../i18n/define-messages";
import { SENT_PARAMETER, useSearch } from "../../router";
import { messages } from "./messages";

/**
 * What a form just saved, said at the top of the page it came back to (`?skickad=…`, see
 * sent.ts) and focused, so a screen reader reads it and Tab goes on from there.
 */
export function SavedNotice() {
  const m = useMessages(messages);
  const saved = new URLSearchParams(useSearch()).get(SENT_PARAMETER);
  const text = saved === null ? undefined : (m.saved[saved === "" ? "signal" : saved] ?? m.saved.signal);
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    // After the layout moved focus to the new page's content: then to the notice in it.
    if (!text) return;
    const frame = requestAnimationFrame(() => ref.current?.focus());
    return () => cancelAnimationFrame(frame);
  }, [text]);
  if (!text) return null;
  return (
    <p ref={ref} role="status" className="success" tabIndex={-1}>
      {text}
    </p>
  );
}
