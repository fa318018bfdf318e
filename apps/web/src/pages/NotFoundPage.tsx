import { useDocumentTitle } from "../components/document-title";
import { Link } from "react-aria-components";
import { useLanguage } from "../i18n/language";
import { paths } from "../router";

export function NotFoundPage() {
  const { t } = useLanguage();
  useDocumentTitle(t.notFound);
  return (
    <>
      <h1>{t.notFound}</h1>
      <p>
        <Link href={paths.toDo}>{t.backToToDo}</Link>
      </p>
    </>
  );
}
