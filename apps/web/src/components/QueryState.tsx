import type { ReactNode } from "react";
import { ApiProblem } from "../api/client";
import { useLanguage } from "../i18n/language";
import type { Messages } from "../i18n/messages";
import { Loading } from "./Loading";

/** A read's three states: loading, failed (with the API's title, in the person's language), or its content. */
export function QueryState<T>({
  query,
  children,
}: {
  query: { data: T | undefined; error: unknown };
  children: (data: T) => ReactNode;
}) {
  const { t } = useLanguage();
  if (query.error) {
    return (
      <p role="alert" className="error">
        {failureInWords(query.error, t)}
      </p>
    );
  }
  if (query.data === undefined) return <Loading />;
  return <>{children(query.data)}</>;
}

/**
 * Why a read failed, in the person's words: nothing at this address (an id no one has, or a
 * time before it existed), the service away for the moment, or else what the API said.
 */
function failureInWords(error: unknown, t: Messages): string {
  if (error instanceof ApiProblem) {
    const badId = error.status === 400 && error.errors.some((field) => field.path.startsWith("path."));
    if (error.status === 404 || badId) return t.nothingHere;
    if (error.status === 503) return t.unavailableForNow;
  }
  return `${t.loadFailed} ${error instanceof Error ? error.message : ""}`.trim();
}
