import { Component, type ReactNode } from "react";
import { Button } from "react-aria-components";
import { useLanguage } from "../i18n/language";

/**
 * Catches a page that could not load or show: its code not fetched (the server out of reach,
 * or a new version deployed whose files have other names), or a fault while it rendered.
 * Without it the whole app, the header and the menu with it, went blank until a reload. The
 * page gives way to a message in the person's language and a way on: load the page again,
 * which also fetches a new version's files. The caller keys it by path, so another page
 * starts afresh.
 */
export class PageFailed extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render() {
    return this.state.failed ? <PageFailedMessage /> : this.props.children;
  }
}

function PageFailedMessage() {
  const { t } = useLanguage();
  return (
    <div role="alert" className="page-failed">
      <h1>{t.pageFailedTitle}</h1>
      <p>{t.pageFailedText}</p>
      <Button className="button" onPress={() => window.location.reload()}>
        {t.pageFailedRetry}
      </Button>
    </div>
  );
}
