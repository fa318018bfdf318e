import { type FormEvent, useState } from "react";
import type { SummaryItem } from "../../components/ErrorSummary";

/**
 * What the command's schema cannot say in the person's words: a budget that is not a number
 * (the schema only sees a number), an amendment that changes nothing (the schema's message is
 * English). Checked first; only when they pass does the form's own submit run. The errors
 * shown are these, else the form's.
 */
export function useLocalChecks(
  check: () => ReadonlyArray<SummaryItem>,
  submit: () => Promise<void>,
  formSummary: ReadonlyArray<SummaryItem>,
  formErrors: Readonly<Record<string, string | undefined>>,
) {
  const [local, setLocal] = useState<ReadonlyArray<SummaryItem>>([]);
  const onSubmit = (event?: FormEvent) => {
    event?.preventDefault();
    const found = check();
    setLocal(found);
    if (found.length === 0) void submit();
  };
  const summary = local.length > 0 ? local : formSummary;
  const errorOf = (field: string): string | undefined =>
    local.length > 0 ? local.find((item) => item.fieldId === field)?.message : formErrors[field];
  return { onSubmit, summary, errorOf };
}
