import { type FormEvent, useMemo, useState } from "react";
import type { SummaryItem } from "../../components/ErrorSummary";
import { useLanguage } from "../../i18n/language";

/** What useLocalChecks needs of the form's own hook (useCommandForm). */
export interface CheckedForm {
  readonly submit: () => Promise<void>;
  readonly validate: () => boolean;
  readonly summary: ReadonlyArray<SummaryItem>;
  readonly errors: Readonly<Record<string, string | undefined>>;
}

/**
 * What the command's schema cannot say in the person's words: a budget that is not a number
 * (the schema only sees a number), an amendment that changes nothing (the schema's message is
 * English). Checked with the schema at each press, and shown together with what it finds, so
 * one press names every error (GOV.UK); only when both pass is the form sent. A field both
 * name gets these words. They are worded again when the page's language is switched.
 */
export function useLocalChecks(check: () => ReadonlyArray<SummaryItem>, form: CheckedForm) {
  const { language } = useLanguage();
  // Each press counts; found as the form is drawn, for that press or the language chosen since.
  const [presses, setPresses] = useState(0);
  const local = useMemo(
    () => (presses === 0 ? [] : check()),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- found again for a new press or a new language only
    [presses, language],
  );
  const onSubmit = (event?: FormEvent) => {
    event?.preventDefault();
    const found = check();
    setPresses((count) => (found.length > 0 ? count + 1 : 0));
    if (found.length > 0) form.validate();
    else void form.submit();
  };
  const named = new Set(local.map((item) => item.fieldId).filter((field) => field !== undefined));
  const summary = useMemo(
    () => [...local, ...form.summary.filter((item) => item.fieldId === undefined || !named.has(item.fieldId))],
    // eslint-disable-next-line react-hooks/exhaustive-deps -- named follows local
    [local, form.summary],
  );
  const errorOf = (field: string): string | undefined =>
    local.find((item) => item.fieldId === field)?.message ?? form.errors[field];
  return { onSubmit, summary, errorOf };
}
