import type { ReactNode } from "react";
import { Loading } from "../../components/Loading";
import { useLanguage } from "../../i18n/language";

/**
 * One section of To do: a heading with how many things wait (so the page can be skimmed by
 * its headings), then the things, or a sentence saying there are none.
 */
export function ToDoSection({
  id,
  title,
  count,
  empty,
  failed = false,
  children,
}: {
  id: string;
  title: string;
  /** undefined while loading. */
  count: number | undefined;
  empty: string;
  /** A read failed: said in place of the things, the other sections still shown. */
  failed?: boolean;
  children: ReactNode;
}) {
  const { t } = useLanguage();
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>
        {title}
        {count !== undefined && count > 0 && ` (${count})`}
      </h2>
      {failed ? (
        <p role="alert" className="error">
          {t.loadFailed}
        </p>
      ) : count === undefined ? (
        <Loading />
      ) : count === 0 ? (
        <p>{empty}</p>
      ) : (
        children
      )}
    </section>
  );
}
