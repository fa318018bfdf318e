import { useLanguage } from "../i18n/language";

/** Said politely to screen readers too, without moving focus. */
export function Loading() {
  const { t } = useLanguage();
  return (
    <p role="status" className="loading">
      {t.loading}
    </p>
  );
}
