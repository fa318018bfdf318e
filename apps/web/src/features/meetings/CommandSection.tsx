import type { FormEvent, ReactNode } from "react";
import { Button, Form } from "react-aria-components";
import { ErrorSummary, type SummaryItem } from "../../components/ErrorSummary";
import { FocusedNotice } from "../../components/FocusedNotice";
import { useLanguage } from "../../i18n/language";

/**
 * One of the meeting page's forms in its own section: a heading, what the form is for, the
 * error summary on top saying what was not saved, the fields, and one button. Each form
 * keeps its own draft (useCommandForm), so an error in one loses nothing typed in another;
 * one that stays for the next entry says, focused, that the last one was saved.
 */
export function CommandSection({
  id,
  title,
  intro,
  notSaved,
  summary,
  onSubmit,
  sending,
  submitLabel,
  saved,
  children,
}: {
  id: string;
  title?: string;
  intro?: ReactNode;
  notSaved: string;
  summary: ReadonlyArray<SummaryItem>;
  onSubmit: (event: FormEvent) => void;
  sending: boolean;
  submitLabel: string;
  /** A form that stays for the next entry: how many it has saved, and what it says of each. */
  saved?: { readonly count: number; readonly text: string };
  children?: ReactNode;
}) {
  const { t } = useLanguage();
  const form = (
    <>
      {/* Said of the last press only: a later one that failed says so instead. */}
      {saved && saved.count > 0 && summary.length === 0 && <FocusedNotice key={saved.count} text={saved.text} />}
      <ErrorSummary items={summary} title={notSaved} />
      <Form onSubmit={onSubmit} validationBehavior="aria" className="form" aria-label={title ?? submitLabel}>
        {children}
        <div className="actions">
          <Button type="submit" className="button" isDisabled={sending}>
            {sending ? t.sending : submitLabel}
          </Button>
        </div>
      </Form>
    </>
  );
  if (title === undefined) return form;
  return (
    <section aria-labelledby={id} className="meeting-section">
      <h2 id={id}>{title}</h2>
      {intro}
      {form}
    </section>
  );
}
