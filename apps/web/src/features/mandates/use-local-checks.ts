import { type FormEvent, useMemo, useState } from "react";
import type { SummaryItem } from "../../components/ErrorSummary";
import { useLanguage } from "../../i18n/language";

/** What useLocalChecks needs of the form's own hook (useCommandForm). */
export interface CheckedForm<Draft> {
  readonly draft: Draft;
  readonly submit: () => Promise<void>;
  readonly validate: () => boolean;
  readonly summary: ReadonlyArray<SummaryItem>;
  readonly errors: Readonly<Record<string, string | undefined>>;
}

/**
 * What the command's schema cannot say in the person's words: a budget that is not a number
 * (the schema only sees a number), an amendment that changes nothing. Checked with the schema
 * at each press, and shown together with what it finds, so one press names every error
 * (GOV.UK); only when both pass is the form sent. Where both name a field, or both speak of
 * the form as a whole, these words are shown. They are worded again, for the draft as it was
 * pressed, when the page's language is switched.
 */
export function useLocalChecks<Draft>(check: (draft: Draft) => ReadonlyArray<SummaryItem>, form: CheckedForm<Draft>) {
  const { language } = useLanguage();
  // The draft of the last press that found something; found again for a new language.
  const [pressed, setPressed] = useState<{ readonly draft: Draft } | undefined>();
  const local = useMemo(
    () => (pressed === undefined ? [] : check(pressed.draft)),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- found again for a new press or a new language only
    [pressed, language],
  );
  const onSubmit = (event?: FormEvent) => {
    event?.preventDefault();
    const found = check(form.draft);
    setPressed(found.length > 0 ? { draft: form.draft } : undefined);
    if (found.length > 0) form.validate();
    else void form.submit();
  };
  const summary = useMemo(() => {
    const named = new Set(local.map((item) => item.fieldId));
    return [...local, ...form.summary.filter((item) => !named.has(item.fieldId))];
  }, [local, form.summary]);
  const errorOf = (field: string): string | undefined =>
    local.find((item) => item.fieldId === field)?.message ?? form.errors[field];
  return { onSubmit, summary, errorOf };
}
