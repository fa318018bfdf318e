import type { FormEvent, ReactNode } from "react";
import { Button, Form, Link } from "react-aria-components";
import { FocusedNotice } from "../../components/FocusedNotice";
import { useDocumentTitle } from "../../components/document-title";
import { ErrorSummary, type SummaryItem } from "../../components/ErrorSummary";
import { useMessages } from "../../i18n/define-messages";
import { SENT_PARAMETER, useSearch } from "../../router";
import { TextInputField } from "../../components/TextInputField";
import { messages } from "./messages";
import { useOrganisations } from "./queries";

/**
 * An administration page's head: a link back up (GOV.UK's back link, first on the page) and
 * the page's one h1, which also names the browser tab.
 */
export function AdminHeading({ title, back }: { title: string; back?: { href: string; label: string } }) {
  useDocumentTitle(title);
  return (
    <>
      {back && (
        <p className="admin-back">
          <Link href={back.href}>{back.label}</Link>
        </p>
      )}
      <h1>{title}</h1>
    </>
  );
}

/**
 * One command's form on its own page: what was not saved at the top (linking to each field),
 * the fields, one button, and a way back without saving. Each page holds one form, so every
 * field id is unique on it.
 */
export function AdminForm({
  label,
  notSaved,
  summary,
  onSubmit,
  sending,
  submitLabel,
  cancelHref,
  danger = false,
  children,
}: {
  label: string;
  notSaved: string;
  summary: ReadonlyArray<SummaryItem>;
  onSubmit: (event: FormEvent) => void;
  sending: boolean;
  submitLabel: string;
  cancelHref: string;
  /** A button that destroys something (erasure): red, as GOV.UK's warning button. */
  danger?: boolean;
  children?: ReactNode;
}) {
  const m = useMessages(messages);
  return (
    <>
      <ErrorSummary items={summary} title={notSaved} />
      <Form onSubmit={onSubmit} validationBehavior="aria" className="form" aria-label={label}>
        {children}
        <div className="actions">
          <Button type="submit" className={danger ? "button admin-danger" : "button"} isDisabled={sending}>
            {sending ? m.saving : submitLabel}
          </Button>
          <Link href={cancelHref}>{m.cancel}</Link>
        </div>
      </Form>
    </>
  );
}

/** What a form just saved, said at the top of the page it came back to (`?skickad=…`), focused. */
export function AdminSaved() {
  const m = useMessages(messages);
  const saved = new URLSearchParams(useSearch()).get(SENT_PARAMETER);
  const text = saved === null ? undefined : m.saved[saved];
  return text === undefined ? null : <FocusedNotice key={saved} text={text} />;
}

/** Organisation names by id, for lists that name organisations by id. */
export function useOrganisationName(): (id: string) => string {
  const m = useMessages(messages);
  const organisations = useOrganisations();
  // While the list is on its way, an ellipsis rather than "unknown".
  return (id) =>
    organisations.data === undefined
      ? "…"
      : (organisations.data.find((organisation) => organisation.id === id)?.name ?? m.unknownOrganisation);
}

/** The reason an action asks for (retiring, unlinking, unassigning): one free-text field. */
export function ReasonField({
  value,
  onChange,
  error,
}: {
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
}) {
  const m = useMessages(messages);
  return (
    <TextInputField id="reason" label={m.reason} value={value} onChange={onChange} error={error} multiline personalDataNote />
  );
}
