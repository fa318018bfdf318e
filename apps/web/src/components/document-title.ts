import { useEffect } from "react";
import { useLanguage } from "../i18n/language";

/** Names the page in the browser's tab (and in a screen reader's list of windows): "Page – Mandat". */
export function useDocumentTitle(title: string): void {
  const { t } = useLanguage();
  useEffect(() => {
    document.title = `${title} – ${t.appName}`;
  }, [title, t.appName]);
}
