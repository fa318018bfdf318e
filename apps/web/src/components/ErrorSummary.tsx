import { useEffect, useId, useRef } from "react";
import { useLanguage } from "../i18n/language";

export interface SummaryItem {
  /** The id of the field the error is about; the link moves focus there. */
  readonly fieldId: string | undefined;
  readonly message: string;
}

/**
 * The errors of a form, at its top, each linking to its field; focused when it appears so a
 * screen reader reads it and a keyboard user starts from it (the GOV.UK pattern). `title` says
 * what did not happen ("Avstämningen sparades inte"); the signal form's words by default.
 */
export function ErrorSummary({ items, title }: { items: ReadonlyArray<SummaryItem>; title?: string }) {
  const { t } = useLanguage();
  const ref = useRef<HTMLDivElement>(null);
  // A page may hold several forms (a meeting's), each with its own summary.
  const titleId = useId();
  useEffect(() => {
    if (items.length > 0) ref.current?.focus();
  }, [items]);
  if (items.length === 0) return null;
  return (
    <div ref={ref} className="error-summary" role="alert" tabIndex={-1} aria-labelledby={titleId}>
      <h2 id={titleId}>{title ?? t.errorSummaryTitle}</h2>
      <ul>
        {items.map((item, index) => (
          <li key={index}>{item.fieldId ? <a href={`#${item.fieldId}`}>{item.message}</a> : item.message}</li>
        ))}
      </ul>
    </div>
  );
}
