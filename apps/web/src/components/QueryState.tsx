import type { ReactNode } from "react";
import { useLanguage } from "../i18n/language";
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
        {t.loadFailed} {query.error instanceof Error ? query.error.message : ""}
      </p>
    );
  }
  if (query.data === undefined) return <Loading />;
  return <>{children(query.data)}</>;
}
