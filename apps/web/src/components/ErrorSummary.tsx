import { type MouseEvent, useEffect, useId, useRef } from "react";
import { useLanguage } from "../i18n/language";

export interface SummaryItem {
  /** The id of the field the error is about; the link moves focus there. */
  readonly fieldId: string | undefined;
  readonly message: string;
}

/**
 * The errors of a form, at its top, each linking to its field; focused when they appear so a
 * screen reader reads it and a keyboard user starts from it (the GOV.UK pattern). `title` says
 * what did not happen ("Avstämningen sparades inte"); the signal form's words by default.
 */
export function ErrorSummary({ items, title }: { items: ReadonlyArray<SummaryItem>; title?: string }) {
  const { t, language } = useLanguage();
  const ref = useRef<HTMLDivElement>(null);
  // A page may hold several forms (a meeting's), each with its own summary.
  const titleId = useId();
  // New errors take focus; the same errors worded again in the language just chosen do not
  // take it from the language switch.
  const wordedIn = useRef(language);
  useEffect(() => {
    if (items.length > 0 && wordedIn.current === language) ref.current?.focus();
    wordedIn.current = language;
  }, [items, language]);
  if (items.length === 0) return null;
  return (
    <div ref={ref} className="error-summary" role="alert" tabIndex={-1} aria-labelledby={titleId}>
      <h2 id={titleId}>{title ?? t.errorSummaryTitle}</h2>
      <ul>
        {inPageOrder(items).map((item, index) => (
          <li key={index}>
            {item.fieldId ? (
              <a href={`#${item.fieldId}`} onClick={(event) => focusField(event, item.fieldId!)}>
                {item.message}
              </a>
            ) : (
              item.message
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * Moves focus to the field an error is about. A text field's id is its input's, which the
 * link's own jump focuses; a group of choices (radio buttons, checkboxes) has its id on the
 * group, which takes no focus: there focus goes to its chosen item, else its first.
 */
function focusField(event: MouseEvent<HTMLAnchorElement>, fieldId: string): void {
  const field = document.getElementById(fieldId);
  if (!field || field.matches("input, select, textarea, button, [tabindex]")) return;
  const item = field.querySelector<HTMLElement>("input:checked, input:not([disabled]), select, textarea, button");
  if (!item) return;
  event.preventDefault();
  item.focus();
  field.scrollIntoView({ block: "center" });
}

/**
 * The errors in the order of their fields on the page (GOV.UK), whoever found them first (a
 * form's own checks, the schema, the API); those about no field, or one not on the page, last.
 */
function inPageOrder(items: ReadonlyArray<SummaryItem>): ReadonlyArray<SummaryItem> {
  const fieldOf = (item: SummaryItem) => (item.fieldId === undefined ? null : document.getElementById(item.fieldId));
  return items
    .map((item, index) => ({ item, index, field: fieldOf(item) }))
    .sort((a, b) => {
      if (a.field && b.field && a.field !== b.field)
        return a.field.compareDocumentPosition(b.field) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
      if (a.field && !b.field) return -1;
      if (!a.field && b.field) return 1;
      return a.index - b.index;
    })
    .map(({ item }) => item);
}
